'use client';

import { Button, SelectField, TextField } from '@shop/ui';
import { useEffect, useRef, useState } from 'react';
import {
  blockLabels,
  blockTypes,
  moveBlock,
  newBlock,
  type BlockDraft,
  type BlockType,
} from './campaign-draft';
import { maxBlocks } from './campaign-input';
import { ProductPicker } from './product-picker';
import { TextAreaField } from './text-area-field';

type Focus = { key: string; target: 'up' | 'down' | 'first' | 'remove' } | { key: null } | null;

function BlockFields({
  block,
  number,
  errorAt,
  onChange,
}: {
  block: BlockDraft;
  number: number;
  errorAt: (field: string) => string | undefined;
  onChange: (next: BlockDraft) => void;
}) {
  const label = (text: string) => `${text} (block ${number})`;
  switch (block.type) {
    case 'heading':
      return (
        <div className="grid gap-3 sm:grid-cols-[1fr_10rem]">
          <TextField
            label={label('Heading text')}
            value={block.text}
            maxLength={200}
            error={errorAt('text')}
            onChange={(event) => onChange({ ...block, text: event.target.value })}
          />
          <SelectField
            label={label('Size')}
            value={String(block.level)}
            options={[
              { value: '1', label: 'Large (title)' },
              { value: '2', label: 'Medium (section)' },
            ]}
            onChange={(event) => onChange({ ...block, level: event.target.value === '1' ? 1 : 2 })}
          />
        </div>
      );
    case 'text':
      return (
        <TextAreaField
          label={label('Text')}
          hint="Plain text. Leave an empty line between paragraphs."
          rows={5}
          maxLength={5000}
          value={block.text}
          error={errorAt('text')}
          onChange={(event) => onChange({ ...block, text: event.target.value })}
        />
      );
    case 'image':
      return (
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            label={label('Image address')}
            type="url"
            inputMode="url"
            placeholder="https://"
            hint="A full https:// address."
            value={block.url}
            maxLength={2000}
            error={errorAt('url')}
            onChange={(event) => onChange({ ...block, url: event.target.value })}
          />
          <TextField
            label={label('Alt text')}
            hint="What the image shows, for readers who cannot see it. Required."
            value={block.alt}
            maxLength={300}
            error={errorAt('alt')}
            onChange={(event) => onChange({ ...block, alt: event.target.value })}
          />
          <TextField
            label={label('Link when clicked (optional)')}
            type="url"
            inputMode="url"
            placeholder="https://"
            value={block.href}
            maxLength={2000}
            error={errorAt('href')}
            className="sm:col-span-2"
            onChange={(event) => onChange({ ...block, href: event.target.value })}
          />
        </div>
      );
    case 'products':
      return (
        <ProductPicker
          blockNumber={number}
          products={block.products}
          error={errorAt('productIds')}
          onChange={(products) => onChange({ ...block, products })}
        />
      );
    case 'button':
      return (
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            label={label('Button label')}
            value={block.label}
            maxLength={80}
            error={errorAt('label')}
            onChange={(event) => onChange({ ...block, label: event.target.value })}
          />
          <TextField
            label={label('Button link')}
            type="url"
            inputMode="url"
            placeholder="https://"
            hint="A full address starting with https:// or http://."
            value={block.href}
            maxLength={2000}
            error={errorAt('href')}
            onChange={(event) => onChange({ ...block, href: event.target.value })}
          />
        </div>
      );
  }
}

/**
 * The email's blocks in order: each with its fields and Up, Down and Remove buttons, and buttons
 * to add a block of each kind. Focus follows a moved block and lands in a new one, so the list
 * can be edited by keyboard alone.
 */
export function BlockEditor({
  blocks,
  errors,
  onChange,
}: {
  blocks: BlockDraft[];
  errors: Record<string, string>;
  onChange: (next: BlockDraft[]) => void;
}) {
  const listRef = useRef<HTMLOListElement>(null);
  const addRef = useRef<HTMLDivElement>(null);
  const [focus, setFocus] = useState<Focus>(null);

  useEffect(() => {
    if (!focus) return;
    if (focus.key === null) {
      addRef.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
      setFocus(null);
      return;
    }
    const item = listRef.current?.querySelector<HTMLElement>(`[data-block-key="${focus.key}"]`);
    const wanted =
      focus.target === 'first'
        ? item?.querySelector<HTMLElement>('input, textarea, select')
        : focus.target === 'remove'
          ? item?.querySelector<HTMLButtonElement>('[data-remove]')
          : (item?.querySelector<HTMLButtonElement>(
              `[data-move="${focus.target}"]:not(:disabled)`,
            ) ?? item?.querySelector<HTMLButtonElement>('[data-move]:not(:disabled)'));
    wanted?.focus();
    setFocus(null);
  }, [focus]);

  const update = (at: number, next: BlockDraft) =>
    onChange(blocks.map((block, index) => (index === at ? next : block)));
  const add = (type: BlockType) => {
    const block = newBlock(type);
    onChange([...blocks, block]);
    setFocus({ key: block.key, target: 'first' });
  };
  // Focus goes to the Remove button of the block that took its place (or the one before it),
  // or to the add buttons when none is left, so a keyboard user is not sent back to the top.
  const remove = (at: number) => {
    const next = blocks.filter((_, index) => index !== at);
    onChange(next);
    setFocus(
      next.length === 0
        ? { key: null }
        : { key: (next[at] ?? next[at - 1])!.key, target: 'remove' },
    );
  };
  const move = (at: number, to: number, target: 'up' | 'down') => {
    const key = blocks[at]?.key;
    onChange(moveBlock(blocks, at, to));
    if (key) setFocus({ key, target });
  };

  return (
    <div className="flex flex-col gap-4">
      {errors.blocks ? (
        <p className="text-sm font-medium text-danger" data-testid="blocks-error">
          {errors.blocks}
        </p>
      ) : null}
      {blocks.length === 0 ? (
        <p className="text-sm text-ink-muted">No blocks yet. Add one below.</p>
      ) : null}
      <ol ref={listRef} aria-label="Email blocks" className="flex flex-col gap-4">
        {blocks.map((block, index) => {
          const number = index + 1;
          const name = `block ${number}, ${blockLabels[block.type].toLowerCase()}`;
          return (
            <li
              key={block.key}
              data-block-key={block.key}
              data-testid="campaign-block"
              data-block-type={block.type}
              className="rounded-card border border-line bg-surface p-4"
            >
              <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
                <h3 className="text-sm font-semibold text-ink">
                  {number}. {blockLabels[block.type]}
                </h3>
                <div className="flex flex-wrap gap-1">
                  <Button
                    size="sm"
                    variant="ghost"
                    data-move="up"
                    disabled={index === 0}
                    onClick={() => move(index, index - 1, 'up')}
                  >
                    Up<span className="sr-only"> {name}</span>
                  </Button>
                  <Button
                    size="sm"
                    variant="ghost"
                    data-move="down"
                    disabled={index === blocks.length - 1}
                    onClick={() => move(index, index + 1, 'down')}
                  >
                    Down<span className="sr-only"> {name}</span>
                  </Button>
                  <Button size="sm" variant="ghost" data-remove onClick={() => remove(index)}>
                    Remove<span className="sr-only"> {name}</span>
                  </Button>
                </div>
              </div>
              <BlockFields
                block={block}
                number={number}
                errorAt={(field) => errors[`blocks.${index}.${field}`] ?? errors[`blocks.${index}`]}
                onChange={(next) => update(index, next)}
              />
            </li>
          );
        })}
      </ol>
      <div className="flex flex-col gap-2">
        <p className="text-sm font-medium text-ink" id="add-block-label">
          Add a block{' '}
          <span className="font-normal text-ink-muted">
            ({blocks.length} of {maxBlocks})
          </span>
        </p>
        <div
          ref={addRef}
          role="group"
          aria-labelledby="add-block-label"
          className="flex flex-wrap gap-2"
        >
          {blockTypes.map((type) => (
            <Button
              key={type}
              size="sm"
              variant="secondary"
              disabled={blocks.length >= maxBlocks}
              onClick={() => add(type)}
            >
              Add {blockLabels[type].toLowerCase()}
            </Button>
          ))}
        </div>
      </div>
    </div>
  );
}
