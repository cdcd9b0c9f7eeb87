import { buttonClassNames, Card, CardBody, Notice, PageHeader, SelectField } from '@shop/ui';
import type { Metadata, Route } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';
import { callCell } from '@/server/cell-call';
import { emailLanguageOf, emailLanguages } from '../../_components/email-languages';
import { resetTemplateWording, saveTemplateWording } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Email template' };

const fieldClass =
  'w-full rounded-control border border-line-strong bg-surface px-3 py-2 text-sm text-ink';

/**
 * One template: the email as sent (sample data, the wording for the chosen language) in HTML,
 * inside a sandboxed frame that can run nothing, and as plain text; and the form to reword it.
 */
export default async function TemplatePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const session = await requirePermission('notifications:send', `/notifications/templates/${id}`);
  if (!/^[a-z0-9-]{1,64}$/.test(id)) notFound();
  const search = await searchParams;
  const language = emailLanguageOf(search.lang) ?? 'en';
  const answer = await callCell(({ signal }) =>
    cellsAs(session).notification.previewTemplate.query({ template: id, language }, { signal }),
  );
  if (!answer.ok && answer.failure === 'not-found') notFound();
  const done = typeof search.done === 'string' ? search.done : '';
  const problem = typeof search.problem === 'string' ? search.problem.slice(0, 300) : '';
  const languageName = emailLanguages.find(([code]) => code === language)?.[1] ?? language;

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-6">
      <Link
        href={'/notifications/templates' as Route}
        className="self-start text-sm font-medium text-accent-700 underline-offset-2 hover:underline"
      >
        ← All templates
      </Link>
      <PageHeader
        eyebrow="Email template"
        title={id}
        description="Sample data, as a customer would get it. Only the subject and the text blocks below can be reworded; order lines, totals, links and the footer are fixed."
      />
      <form
        action={`/notifications/templates/${id}`}
        className="flex flex-wrap items-end gap-3"
        aria-label="Choose a language"
      >
        <SelectField
          label="Language"
          name="lang"
          defaultValue={language}
          options={emailLanguages.map(([code, name]) => ({ value: code, label: name }))}
        />
        <button type="submit" className={buttonClassNames({ variant: 'secondary' })}>
          Show
        </button>
      </form>
      {done === 'saved' ? <Notice tone="success" title={`Saved for ${languageName}.`} /> : null}
      {done === 'reset' ? (
        <Notice tone="success" title={`${languageName} is back to the template's own text.`} />
      ) : null}
      {done === 'problem' ? (
        <Notice tone="danger" title="Not saved">
          {problem || 'The wording was refused.'}
        </Notice>
      ) : null}
      {!answer.ok ? (
        <Notice tone="degraded" title="This template cannot be shown right now">
          The notification service is not answering. Reload the page in a moment.
        </Notice>
      ) : (
        <div className="grid gap-6 lg:grid-cols-2">
          <section aria-labelledby="preview-heading" className="flex min-w-0 flex-col gap-3">
            <h2 id="preview-heading" className="text-lg font-semibold text-ink">
              Preview
            </h2>
            <p className="text-sm">
              <span className="font-medium text-ink-muted">Subject: </span>
              <span data-testid="preview-subject">{answer.data.subject}</span>
            </p>
            {/* sandbox="" : the email's HTML runs no script, submits nothing, and has no origin. */}
            <iframe
              title={`${id} email, HTML`}
              sandbox=""
              srcDoc={answer.data.html}
              className="h-[32rem] w-full rounded-card border border-line bg-surface"
              data-testid="preview-html"
            />
            <details className="rounded-card border border-line bg-surface p-3">
              <summary className="cursor-pointer text-sm font-medium">Plain-text part</summary>
              <pre
                className="mt-3 overflow-x-auto text-xs whitespace-pre-wrap"
                data-testid="preview-text"
              >
                {answer.data.text}
              </pre>
            </details>
          </section>
          <section aria-labelledby="wording-heading" className="flex min-w-0 flex-col gap-3">
            <h2 id="wording-heading" className="text-lg font-semibold text-ink">
              Wording in {languageName}
            </h2>
            {!answer.data.rewordable ? (
              <Card>
                <CardBody>
                  <p className="text-sm text-ink" data-testid="written-per-send">
                    Each campaign&apos;s subject and text are written in the campaign itself, under{' '}
                    <Link
                      href={'/notifications/campaigns' as Route}
                      className="font-medium text-accent-700 underline-offset-2 hover:underline"
                    >
                      Campaigns
                    </Link>
                    . This preview shows sample content in the layout every campaign uses, with the
                    legal footer and the unsubscribe link.
                  </p>
                </CardBody>
              </Card>
            ) : (
              <Card>
                <CardBody>
                  <form action={saveTemplateWording} className="flex flex-col gap-4">
                    <input type="hidden" name="template" value={id} />
                    <input type="hidden" name="language" value={language} />
                    <label className="flex flex-col gap-1.5 text-sm">
                      <span className="font-medium text-ink">Subject</span>
                      <input
                        name="subject"
                        maxLength={200}
                        defaultValue={answer.data.subjectOverride ?? ''}
                        placeholder={answer.data.subject}
                        className={fieldClass}
                      />
                    </label>
                    {answer.data.blocks.map((block) => (
                      <label key={block.key} className="flex flex-col gap-1.5 text-sm">
                        <span className="font-medium text-ink">{block.label}</span>
                        <textarea
                          name={`block.${block.key}`}
                          maxLength={1000}
                          rows={3}
                          defaultValue={block.override ?? ''}
                          placeholder={block.defaultText}
                          className={fieldClass}
                        />
                      </label>
                    ))}
                    <p className="text-xs text-ink-muted">
                      Empty fields keep the template&apos;s own text (shown greyed). Plain text
                      only; links must start with https:// or http://.{' '}
                      {answer.data.variables.length > 0
                        ? `You can use ${answer.data.variables.map((name) => `{{${name}}}`).join(', ')}.`
                        : 'This template offers no variables.'}
                    </p>
                    <div className="flex flex-wrap gap-2">
                      <button type="submit" className={buttonClassNames({ variant: 'primary' })}>
                        Save wording
                      </button>
                    </div>
                  </form>
                  {answer.data.updatedAt ? (
                    <form action={resetTemplateWording} className="mt-3">
                      <input type="hidden" name="template" value={id} />
                      <input type="hidden" name="language" value={language} />
                      <button type="submit" className={buttonClassNames({ variant: 'secondary' })}>
                        Reset to the template&apos;s text
                      </button>
                    </form>
                  ) : null}
                </CardBody>
              </Card>
            )}
          </section>
        </div>
      )}
    </div>
  );
}
