'use client';

import { Button, classNames } from '@shop/ui';
import { useEffect, useState } from 'react';
import { previewCampaign, type PreviewAnswer } from '../actions';
import type { CampaignDraft } from './campaign-draft';
import { PreviewFrames } from './preview-frames';

const views = [
  { id: 'desktop', label: 'Desktop (600 px)', width: 600 },
  { id: 'mobile', label: 'Mobile (375 px)', width: 375 },
  { id: 'text', label: 'Plain text', width: 0 },
] as const;
type View = (typeof views)[number]['id'];

/** The cell's rendering of the unsaved content, asked for 700 ms after the last change. */
function usePreview(draft: CampaignDraft) {
  const [answer, setAnswer] = useState<(PreviewAnswer & { stale?: string }) | null>(null);
  const [loading, setLoading] = useState(true);
  // The content of the last preview that rendered: what the frame is given.
  const [renderedKey, setRenderedKey] = useState<string | null>(null);
  // Only what the email shows: a new name or audience renders nothing new.
  const key = JSON.stringify({
    subject: draft.subject,
    preheader: draft.preheader,
    language: draft.language,
    blocks: draft.blocks,
  });
  useEffect(() => {
    let current = true;
    setLoading(true);
    const timer = setTimeout(() => {
      previewCampaign(JSON.parse(key) as unknown)
        .catch((): PreviewAnswer => ({ ok: false, message: 'The preview is not answering.' }))
        .then((next) => {
          if (!current) return;
          // A failed preview keeps the last good one on screen, with the reason above it.
          setAnswer((last) => (next.ok || !last?.ok ? next : { ...last, stale: next.message }));
          if (next.ok) setRenderedKey(key);
          setLoading(false);
        });
    }, 700);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key]);
  return { answer, loading, renderedKey };
}

/**
 * The email as recipients get it, rendered by the cell with a sample recipient: at desktop and
 * mobile widths in a frame, and its plain-text part. The frame's document comes from
 * `preview-frame` (the draft posted into it: preview-frames.tsx): sandboxed, no script, no form,
 * with its own policy that lets its pictures load, so the real images show
 * (docs/security/campaigns.md).
 */
export function CampaignPreview({ draft }: { draft: CampaignDraft }) {
  const [view, setView] = useState<View>('desktop');
  const { answer, loading, renderedKey } = usePreview(draft);
  const width = views.find((entry) => entry.id === view)?.width ?? 600;
  const stale = answer?.stale ?? null;
  return (
    <section aria-labelledby="preview-heading" className="flex min-w-0 flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="preview-heading" className="text-lg font-semibold text-ink">
          Preview{' '}
          {loading ? <span className="text-sm font-normal text-ink-muted">(updating…)</span> : null}
        </h2>
        <div role="group" aria-label="Preview as" className="flex flex-wrap gap-1">
          {views.map((entry) => (
            <Button
              key={entry.id}
              size="sm"
              variant={view === entry.id ? 'primary' : 'secondary'}
              aria-pressed={view === entry.id}
              onClick={() => setView(entry.id)}
            >
              {entry.label}
            </Button>
          ))}
        </div>
      </div>
      <div aria-live="polite">
        {!answer ? (
          <p className="text-sm text-ink-muted">Rendering the preview…</p>
        ) : !answer.ok ? (
          <p className="text-sm text-ink-muted" data-testid="preview-problem">
            {answer.message}
          </p>
        ) : stale ? (
          <p className="text-sm text-ink-muted" data-testid="preview-problem">
            {stale} Showing the last version that rendered.
          </p>
        ) : null}
      </div>
      {answer?.ok ? (
        <p className="text-sm break-words">
          <span className="font-medium text-ink-muted">Subject: </span>
          <span data-testid="preview-subject">{answer.subject}</span>
        </p>
      ) : null}
      {answer?.ok && view === 'text' ? (
        <pre
          className="max-h-[40rem] overflow-auto rounded-card border border-line bg-surface p-4 text-xs whitespace-pre-wrap"
          data-testid="preview-text"
        >
          {answer.text}
        </pre>
      ) : null}
      {/* Kept mounted (hidden for plain text), so switching views does not reload it. */}
      <div
        className={classNames(
          'overflow-x-auto rounded-card border border-line bg-surface-sunken p-2',
          answer?.ok && view !== 'text' ? undefined : 'hidden',
        )}
      >
        <PreviewFrames
          draft={renderedKey}
          width={width}
          title={`Email preview, ${view === 'mobile' ? 'mobile' : 'desktop'} width`}
          dimmed={loading}
        />
      </div>
    </section>
  );
}
