'use client';

import { Button } from '@shop/ui';
import { useEffect, useId, useRef } from 'react';

const commands = [
  { command: 'bold', label: 'Bold' },
  { command: 'italic', label: 'Italic' },
  { command: 'formatBlock', value: 'h3', label: 'Heading' },
  { command: 'formatBlock', value: 'p', label: 'Paragraph' },
  { command: 'insertUnorderedList', label: 'Bullets' },
  { command: 'insertOrderedList', label: 'Numbers' },
] as const;

/**
 * A small rich-text editor (bold, italic, headings, lists, links) on a contenteditable region.
 * What it produces is only a suggestion: the product cell sanitises the HTML on every save
 * (allowlisted tags, safe links only), so pasted scripts or styles never reach shoppers.
 */
export function RichTextField({
  label,
  initialHtml,
  onChange,
  error,
  hint,
  disabled,
}: {
  label: string;
  initialHtml: string;
  onChange: (html: string) => void;
  error?: string;
  hint?: string;
  disabled?: boolean;
}) {
  const id = useId();
  const editor = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Set once: re-rendering the HTML on every keystroke would move the caret.
    if (editor.current) editor.current.innerHTML = initialHtml;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only the opening value
  }, []);
  const run = (command: string, value?: string) => {
    editor.current?.focus();
    document.execCommand(command, false, value);
    onChange(editor.current?.innerHTML ?? '');
  };
  const addLink = () => {
    const url = window.prompt('Link address (https://…)');
    if (url && /^(https?:\/\/|mailto:)/i.test(url)) run('createLink', url);
  };
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return (
    <div className="flex flex-col gap-1.5">
      <span id={`${id}-label`} className="text-sm font-medium text-ink">
        {label}
      </span>
      <div
        role="toolbar"
        aria-label={`${label} formatting`}
        className="flex flex-wrap gap-1 rounded-t-control border border-b-0 border-line-strong bg-surface-sunken p-1"
      >
        {commands.map((entry) => (
          <Button
            key={entry.label}
            size="sm"
            variant="ghost"
            disabled={disabled}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => run(entry.command, 'value' in entry ? entry.value : undefined)}
          >
            {entry.label}
          </Button>
        ))}
        <Button
          size="sm"
          variant="ghost"
          disabled={disabled}
          onMouseDown={(event) => event.preventDefault()}
          onClick={addLink}
        >
          Link
        </Button>
      </div>
      <div
        ref={editor}
        role="textbox"
        aria-multiline="true"
        aria-labelledby={`${id}-label`}
        aria-describedby={describedBy.join(' ') || undefined}
        aria-invalid={error ? true : undefined}
        aria-disabled={disabled || undefined}
        contentEditable={!disabled}
        suppressContentEditableWarning
        tabIndex={0}
        data-testid="description-editor"
        onInput={(event) => onChange(event.currentTarget.innerHTML)}
        className={`prose-admin min-h-40 rounded-b-control border bg-surface px-3 py-2 text-sm text-ink focus-visible:outline-2 focus-visible:outline-accent-600/40 [&_h3]:text-base [&_h3]:font-semibold [&_ol]:list-decimal [&_ol]:pl-5 [&_ul]:list-disc [&_ul]:pl-5 [&_a]:text-accent-700 [&_a]:underline [&_p]:my-1 ${error ? 'border-danger' : 'border-line-strong'}`}
      />
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-ink-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
