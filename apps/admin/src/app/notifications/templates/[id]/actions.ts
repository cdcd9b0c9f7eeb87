'use server';

import type { Route } from 'next';
import { redirect } from 'next/navigation';
import { currentSession } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';
import { emailLanguageOf } from '../../_components/email-languages';

const templateId = /^[a-z0-9-]{1,64}$/;
const blockKey = /^[a-z][a-zA-Z0-9]{0,39}$/;

/** What the cell said was wrong, for the page (its first issue's message). */
function problemOf(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  try {
    const issues = JSON.parse(message) as { message?: string; path?: string[] }[];
    const [first] = issues;
    if (first?.message) return `${first.path?.join(' ') ?? ''}: ${first.message}`.trim();
  } catch {
    // Not a list of issues: the message itself.
  }
  return message.slice(0, 300) || 'That did not work. Try again.';
}

function target(data: FormData) {
  const template = String(data.get('template') ?? '');
  const language = emailLanguageOf(data.get('language'));
  if (!templateId.test(template) || !language) redirect('/notifications/templates' as Route);
  return { template, language, page: `/notifications/templates/${template}?lang=${language}` };
}

async function signedIn(page: string) {
  const session = await currentSession();
  if (!session) redirect(`/sign-in?returnTo=${encodeURIComponent(page)}` as Route);
  return session;
}

/** Saves the subject and blocks for the language; the cell checks and sanitises them. */
export async function saveTemplateWording(data: FormData): Promise<void> {
  const { template, language, page } = target(data);
  const session = await signedIn(page);
  const blocks: Record<string, string> = {};
  for (const [name, value] of data.entries()) {
    const key = name.startsWith('block.') ? name.slice('block.'.length) : '';
    if (blockKey.test(key) && typeof value === 'string') blocks[key] = value.slice(0, 2000);
  }
  let done = 'saved';
  try {
    await cellsAs(session).notification.saveTemplateOverride.mutate({
      template,
      language,
      subject: String(data.get('subject') ?? '').slice(0, 400),
      blocks,
    });
  } catch (error) {
    done = `problem&problem=${encodeURIComponent(problemOf(error))}`;
  }
  redirect(`${page}&done=${done}` as Route);
}

/** Back to the template's own text for the language. */
export async function resetTemplateWording(data: FormData): Promise<void> {
  const { template, language, page } = target(data);
  const session = await signedIn(page);
  let done = 'reset';
  try {
    await cellsAs(session).notification.resetTemplateOverride.mutate({
      template,
      language,
    });
  } catch {
    done = 'nothing-to-reset';
  }
  redirect(`${page}&done=${done}` as Route);
}
