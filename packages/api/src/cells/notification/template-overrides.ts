import type { TemplateLanguage } from '@shop/db/notification';
import { notificationDatabase } from './database';
import { variablesIn } from './templates/editable-text';
import type { EmailTemplate } from './templates/email-template';
import type { TextOverride } from './templates/render-email';

/** The language an email is written in when the sender does not say (the shop's default). */
export const defaultEmailLanguage: TemplateLanguage = 'en';

/** Staff's wording of a template in a language, or null for the template's own text. */
export async function loadOverride(
  templateId: string,
  language: TemplateLanguage = defaultEmailLanguage,
): Promise<TextOverride | null> {
  const { TemplateOverride } = await notificationDatabase.models();
  const found = await TemplateOverride.findOne({ template: templateId, language }).lean();
  if (!found) return null;
  return { subject: found.subject ?? null, blocks: Object.fromEntries(blockEntries(found.blocks)) };
}

/** Lean documents give a Map's entries as a plain object; hydrated ones as a Map. */
export function blockEntries(blocks: unknown): [string, string][] {
  const entries = blocks instanceof Map ? [...blocks.entries()] : Object.entries(blocks ?? {});
  return entries.filter((entry): entry is [string, string] => typeof entry[1] === 'string');
}

/**
 * What is wrong with an override for this template, by field, or an empty list. The shape (plain
 * text, no HTML, only http(s) links) is checked by the input schema; this checks it against the
 * template: only its editable blocks, and only the variables it offers.
 */
export function overrideProblems(
  template: EmailTemplate<never>,
  override: { subject?: string; blocks: Record<string, string> },
): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const blocks = template.editable?.blocks ?? {};
  const allowed = new Set(template.editable?.variables ?? []);
  const checkVariables = (path: string, text: string) => {
    const unknown = variablesIn(text).filter((name) => !allowed.has(name));
    if (unknown.length > 0) {
      problems.push({
        path,
        message: `unknown variable ${unknown.map((name) => `{{${name}}}`).join(', ')}; this template offers ${
          allowed.size > 0 ? [...allowed].map((name) => `{{${name}}}`).join(', ') : 'none'
        }`,
      });
    }
  };
  if (override.subject) checkVariables('subject', override.subject);
  for (const [key, text] of Object.entries(override.blocks)) {
    if (!(key in blocks)) {
      problems.push({ path: `blocks.${key}`, message: 'not an editable part of this template' });
      continue;
    }
    checkVariables(`blocks.${key}`, text);
  }
  return problems;
}
