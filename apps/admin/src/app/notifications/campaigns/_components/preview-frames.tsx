'use client';

import { classNames } from '@shop/ui';
import { useEffect, useId, useRef, useState } from 'react';

/** One rendering of the draft: its own frame, posted into once. */
interface PreviewDocument {
  id: number;
  draft: string;
}

function PreviewDocumentFrame({
  name,
  rendering,
  shown,
  width,
  title,
  dimmed,
  onLoaded,
}: {
  name: string;
  rendering: PreviewDocument;
  shown: boolean;
  width: number;
  title: string;
  dimmed: boolean;
  onLoaded: (id: number) => void;
}) {
  const form = useRef<HTMLFormElement>(null);
  const posted = useRef(false);
  useEffect(() => {
    if (posted.current) return;
    posted.current = true;
    form.current?.requestSubmit();
  }, []);
  return (
    <>
      <form
        ref={form}
        method="post"
        action="/notifications/campaigns/preview-frame"
        target={name}
        hidden
      >
        <input type="hidden" name="draft" value={rendering.draft} readOnly />
      </form>
      {/* sandbox="": the email's HTML runs no script, submits nothing, has no origin. */}
      <iframe
        name={name}
        title={title}
        sandbox=""
        style={{ width }}
        // The frame of the next rendering waits unseen behind the one shown until it has loaded.
        aria-hidden={shown ? undefined : true}
        tabIndex={shown ? undefined : -1}
        className={classNames(
          'col-start-1 row-start-1 mx-auto block h-[40rem] max-w-none border-0 bg-white',
          shown ? (dimmed ? 'opacity-70' : undefined) : 'invisible',
        )}
        // The frame's first load is its empty document, before the post: only later ones count.
        onLoad={() => {
          if (posted.current) onLoaded(rendering.id);
        }}
        data-testid={shown ? 'preview-html' : 'preview-html-next'}
        data-width={width}
      />
    </>
  );
}

/**
 * The cell's HTML of the draft, in a sandboxed frame whose document `preview-frame` serves (the
 * draft posted into it by a hidden form, as the frame's policy lets its pictures load).
 * Each new rendering is posted into a new frame, which replaces the shown one once it has loaded:
 * a frame's first navigation replaces its empty document instead of adding a history entry, so
 * typing in the composer does not fill the browser's Back button with old previews (posting
 * into one frame again and again would), and the last preview stays on screen until the next
 * one is ready.
 */
export function PreviewFrames({
  draft,
  width,
  title,
  dimmed,
}: {
  /** The content to render (JSON, as the `draft` form field); null before the first rendering. */
  draft: string | null;
  width: number;
  title: string;
  dimmed: boolean;
}) {
  const base = `campaign-preview-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const nextId = useRef(0);
  const [documents, setDocuments] = useState<PreviewDocument[]>([]);
  const [shownId, setShownId] = useState<number | null>(null);
  // The same, for the effect below: only a new draft makes a new frame, not a new shown one.
  const shown = useRef<number | null>(null);

  useEffect(() => {
    if (draft === null) return;
    const id = nextId.current++;
    // Keep the one on screen; a rendering still loading is superseded by this one.
    setDocuments((current) => [
      ...current.filter((entry) => entry.id === shown.current),
      { id, draft },
    ]);
  }, [draft]);

  const loaded = (id: number) => {
    if (shown.current !== null && id < shown.current) return;
    shown.current = id;
    setShownId(id);
    setDocuments((current) => current.filter((entry) => entry.id >= id));
  };

  return (
    <div className="grid">
      {documents.map((entry) => (
        <PreviewDocumentFrame
          key={entry.id}
          name={`${base}-${entry.id}`}
          rendering={entry}
          shown={entry.id === shownId}
          width={width}
          title={title}
          dimmed={dimmed}
          onLoaded={loaded}
        />
      ))}
    </div>
  );
}
