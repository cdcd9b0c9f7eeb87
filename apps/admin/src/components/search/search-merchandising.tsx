'use client';

import { Button, Card, CardBody, CardHeader, SelectField, TextField } from '@shop/ui';
import { FormMessage, idleForm, type FormState } from '@shop/ui/form';
import { useRouter } from 'next/navigation';
import { useMemo, useState, useTransition } from 'react';
import {
  deleteBoostRule,
  deleteRedirect,
  deleteSynonym,
  saveBoostRule,
  saveQueryPins,
  saveRedirect,
  saveSynonym,
} from '@/app/search/actions';
import { draftOf, type StoredRules, type ZeroResultQuery } from './merchandising-types';
import { BoostList, PinsList, RedirectList, SynonymList } from './rule-lists';
import { SearchPreview } from './search-preview';
import { useSearchPreview } from './use-search-preview';
import { ZeroResultList } from './zero-result-list';

type Direction = 'two-way' | 'one-way';
type Effect = 'boost' | 'bury';
type Field = 'inStock' | 'brand' | 'category';

/** "tee, t-shirt" -> ["tee", "t-shirt"]: terms are typed separated by commas. */
const termsOf = (text: string) =>
  text
    .split(',')
    .map((term) => term.trim())
    .filter(Boolean);
/** Moves the keyboard to a form field after a one-click action filled it in. */
const focusField = (id: string) =>
  requestAnimationFrame(() => document.getElementById(id)?.focus());
const queryKey = (query: string) => query.trim().toLocaleLowerCase('en').replace(/\s+/g, ' ');

interface SearchMerchandisingProps {
  rules: StoredRules;
  /** null: the analytics service did not answer. */
  zeroResults: ZeroResultQuery[] | null;
  canWrite: boolean;
}

/**
 * The search merchandising screen: a live preview of a query with the rules being edited, and
 * the forms and lists of synonyms, redirects, pins and hides, boost and bury rules.
 */
export function SearchMerchandising({ rules, zeroResults, canWrite }: SearchMerchandisingProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<FormState>(idleForm);
  const stored = useMemo(() => draftOf(rules), [rules]);

  const [previewQuery, setPreviewQuery] = useState('');
  const [synonym, setSynonym] = useState({
    direction: 'two-way' as Direction,
    terms: '',
    replaces: '',
  });
  const [redirect, setRedirect] = useState({ query: '', url: '', replaces: '' });
  const [boost, setBoost] = useState({
    effect: 'boost' as Effect,
    field: 'inStock' as Field,
    value: '',
    query: '',
  });
  // Pins being edited for the previewed query; null: as stored.
  const [pinEdit, setPinEdit] = useState<{
    query: string;
    pinned: string[];
    hidden: string[];
  } | null>(null);

  const storedPins = stored.pins.find((rule) => queryKey(rule.query) === queryKey(previewQuery));
  const pins =
    pinEdit && queryKey(pinEdit.query) === queryKey(previewQuery)
      ? pinEdit
      : { query: previewQuery, pinned: storedPins?.pinned ?? [], hidden: storedPins?.hidden ?? [] };
  const pinsChanged =
    JSON.stringify([pins.pinned, pins.hidden]) !==
    JSON.stringify([storedPins?.pinned ?? [], storedPins?.hidden ?? []]);

  // The stored rules plus whatever form is filled in, for the preview.
  const newTerms = termsOf(synonym.terms);
  const unsaved: string[] = [];
  const draft = {
    synonyms:
      newTerms.length >= 2
        ? (unsaved.push('the synonym being edited'),
          [
            ...stored.synonyms.filter((_, index) => rules.synonyms[index]?.id !== synonym.replaces),
            { direction: synonym.direction, terms: newTerms },
          ])
        : stored.synonyms,
    redirects:
      redirect.query.trim() && /^(\/[^/\\]|https?:\/\/)/.test(redirect.url.trim())
        ? (unsaved.push('the redirect being edited'),
          [
            ...stored.redirects.filter((rule) => queryKey(rule.query) !== queryKey(redirect.query)),
            { query: redirect.query.trim(), url: redirect.url.trim() },
          ])
        : stored.redirects,
    pins: pinsChanged
      ? (unsaved.push('the pinned and hidden products'),
        [
          ...stored.pins.filter((rule) => queryKey(rule.query) !== queryKey(previewQuery)),
          ...(pins.pinned.length || pins.hidden.length ? [{ ...pins, query: previewQuery }] : []),
        ])
      : stored.pins,
    boosts:
      boost.field === 'inStock' || boost.value.trim()
        ? (unsaved.push('the boost or bury rule being edited'),
          [...stored.boosts, { ...boost, value: boost.value.trim(), query: boost.query.trim() }])
        : stored.boosts,
  };
  // An untouched boost form (in stock, every search) is not a draft until it is being edited.
  const boostTouched =
    boost.field !== 'inStock' || boost.query.trim() !== '' || boost.effect !== 'boost';
  if (!boostTouched) {
    draft.boosts = stored.boosts;
    unsaved.splice(unsaved.indexOf('the boost or bury rule being edited'), 1);
  }
  const { answer, loading } = useSearchPreview(previewQuery, draft);

  /** Runs a save or delete; on success the page reloads the stored rules. */
  function run(action: () => Promise<FormState>, then?: () => void) {
    startTransition(async () => {
      const result = await action();
      setOutcome(result);
      if (result.status === 'success') {
        then?.();
        router.refresh();
      }
    });
  }

  const errors = outcome.fieldErrors ?? {};
  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <div className="flex flex-col gap-8 lg:sticky lg:top-4 lg:self-start">
        <Card>
          <CardHeader
            title="Live preview"
            description="Changes below show here before you save them."
          />
          <CardBody>
            <SearchPreview
              query={previewQuery}
              onQueryChange={setPreviewQuery}
              answer={answer}
              loading={loading}
              unsaved={unsaved.length ? unsaved.join(', ') : null}
              pinned={pins.pinned}
              hidden={pins.hidden}
              canWrite={canWrite}
              onPin={(product) =>
                setPinEdit({
                  ...pins,
                  pinned: [...pins.pinned, product.id],
                  hidden: pins.hidden.filter((id) => id !== product.id),
                })
              }
              onUnpin={(id) =>
                setPinEdit({ ...pins, pinned: pins.pinned.filter((each) => each !== id) })
              }
              onHide={(product) =>
                setPinEdit({
                  ...pins,
                  hidden: [...pins.hidden, product.id],
                  pinned: pins.pinned.filter((id) => id !== product.id),
                })
              }
              onUnhide={(id) =>
                setPinEdit((current) => ({
                  ...(current ?? pins),
                  hidden: (current ?? pins).hidden.filter((each) => each !== id),
                }))
              }
            />
            {canWrite && pinsChanged ? (
              <Button
                className="mt-4"
                disabled={pending}
                onClick={() =>
                  run(
                    () =>
                      saveQueryPins({
                        query: previewQuery.trim(),
                        pinned: pins.pinned,
                        hidden: pins.hidden,
                      }),
                    () => setPinEdit(null),
                  )
                }
              >
                Save pinned and hidden for “{previewQuery.trim()}”
              </Button>
            ) : null}
          </CardBody>
        </Card>
        <FormMessage state={outcome} />
      </div>

      <div className="flex flex-col gap-8">
        <Card>
          <CardHeader title="Synonyms" description="Words that find the same products." />
          <CardBody className="flex flex-col gap-4">
            <SynonymList
              rules={rules.synonyms}
              canWrite={canWrite}
              pending={pending}
              onEdit={(rule) => {
                setSynonym({
                  direction: rule.direction,
                  terms: rule.terms.join(', '),
                  replaces: rule.id,
                });
                setPreviewQuery(rule.terms[0] ?? '');
                focusField('synonym-terms');
              }}
              onDelete={(rule) => run(() => deleteSynonym(rule.id))}
            />
            {canWrite ? (
              <form
                className="grid gap-3 sm:grid-cols-[10rem_1fr]"
                onSubmit={(event) => {
                  event.preventDefault();
                  run(
                    () =>
                      saveSynonym({
                        direction: synonym.direction,
                        terms: newTerms,
                        ...(synonym.replaces ? { replaces: synonym.replaces } : {}),
                      }),
                    () => setSynonym({ direction: 'two-way', terms: '', replaces: '' }),
                  );
                }}
              >
                <SelectField
                  label="Kind"
                  value={synonym.direction}
                  onChange={(event) =>
                    setSynonym({ ...synonym, direction: event.target.value as Direction })
                  }
                  options={[
                    { value: 'two-way', label: 'Two-way (=)' },
                    { value: 'one-way', label: 'One-way (→)' },
                  ]}
                />
                <TextField
                  id="synonym-terms"
                  label="Terms, separated by commas"
                  value={synonym.terms}
                  onChange={(event) => {
                    setSynonym({ ...synonym, terms: event.target.value });
                    const first = termsOf(event.target.value)[0];
                    if (first) setPreviewQuery(first);
                  }}
                  placeholder={synonym.direction === 'two-way' ? 'tee, t-shirt' : 'couch, sofa'}
                  hint={
                    synonym.direction === 'two-way'
                      ? 'Each term finds what the others find.'
                      : 'The first term also finds the others, not the reverse.'
                  }
                  error={errors.terms}
                  autoComplete="off"
                />
                <div className="flex gap-2 sm:col-span-2">
                  <Button type="submit" disabled={pending || newTerms.length < 2}>
                    {synonym.replaces ? 'Save synonym' : 'Add synonym'}
                  </Button>
                  {synonym.replaces || synonym.terms ? (
                    <Button
                      variant="ghost"
                      onClick={() => setSynonym({ direction: 'two-way', terms: '', replaces: '' })}
                    >
                      Cancel
                    </Button>
                  ) : null}
                </div>
              </form>
            ) : null}
          </CardBody>
        </Card>

        <Card>
          <CardHeader
            title="Redirects"
            description="Searches that open a page instead of results."
          />
          <CardBody className="flex flex-col gap-4">
            <RedirectList
              rules={rules.redirects}
              canWrite={canWrite}
              pending={pending}
              onEdit={(rule) => {
                setRedirect({ query: rule.query, url: rule.url, replaces: rule.id });
                setPreviewQuery(rule.query);
                focusField('redirect-url');
              }}
              onDelete={(rule) => run(() => deleteRedirect(rule.id))}
            />
            {canWrite ? (
              <form
                className="grid gap-3 sm:grid-cols-2"
                onSubmit={(event) => {
                  event.preventDefault();
                  run(
                    () =>
                      saveRedirect({
                        query: redirect.query.trim(),
                        url: redirect.url.trim(),
                        ...(redirect.replaces ? { replaces: redirect.replaces } : {}),
                      }),
                    () => setRedirect({ query: '', url: '', replaces: '' }),
                  );
                }}
              >
                <TextField
                  label="Search"
                  value={redirect.query}
                  onChange={(event) => {
                    setRedirect({ ...redirect, query: event.target.value });
                    setPreviewQuery(event.target.value);
                  }}
                  placeholder="returns"
                  error={errors.query}
                  autoComplete="off"
                />
                <TextField
                  id="redirect-url"
                  label="Goes to"
                  value={redirect.url}
                  onChange={(event) => setRedirect({ ...redirect, url: event.target.value })}
                  placeholder="/help/returns"
                  hint="A page of this shop (/help/returns) or a full https:// address."
                  error={errors.url}
                  autoComplete="off"
                />
                <div className="flex gap-2 sm:col-span-2">
                  <Button
                    type="submit"
                    disabled={pending || !redirect.query.trim() || !redirect.url.trim()}
                  >
                    {redirect.replaces ? 'Save redirect' : 'Add redirect'}
                  </Button>
                  {redirect.replaces || redirect.query || redirect.url ? (
                    <Button
                      variant="ghost"
                      onClick={() => setRedirect({ query: '', url: '', replaces: '' })}
                    >
                      Cancel
                    </Button>
                  ) : null}
                </div>
              </form>
            ) : null}
          </CardBody>
        </Card>

        <Card>
          <CardHeader
            title="Pinned and hidden products"
            description="Set them from the preview: search, then pin or hide a result."
          />
          <CardBody>
            <PinsList rules={rules.pins} onOpen={(rule) => setPreviewQuery(rule.query)} />
          </CardBody>
        </Card>

        <Card>
          <CardHeader
            title="Boost and bury"
            description="Move matching products up or down among equally good matches."
          />
          <CardBody className="flex flex-col gap-4">
            <BoostList
              rules={rules.boosts}
              canWrite={canWrite}
              pending={pending}
              onDelete={(rule) => run(() => deleteBoostRule(rule.id))}
            />
            {canWrite ? (
              <form
                className="grid gap-3 sm:grid-cols-2"
                onSubmit={(event) => {
                  event.preventDefault();
                  run(
                    () =>
                      saveBoostRule({
                        ...boost,
                        value: boost.value.trim(),
                        query: boost.query.trim(),
                      }),
                    () => setBoost({ effect: 'boost', field: 'inStock', value: '', query: '' }),
                  );
                }}
              >
                <SelectField
                  label="Effect"
                  value={boost.effect}
                  onChange={(event) => setBoost({ ...boost, effect: event.target.value as Effect })}
                  options={[
                    { value: 'boost', label: 'Boost (move up)' },
                    { value: 'bury', label: 'Bury (move down)' },
                  ]}
                />
                <SelectField
                  label="Products"
                  value={boost.field}
                  onChange={(event) => setBoost({ ...boost, field: event.target.value as Field })}
                  options={[
                    { value: 'inStock', label: 'In stock' },
                    { value: 'brand', label: 'Of a brand' },
                    { value: 'category', label: 'In a category' },
                  ]}
                />
                {boost.field !== 'inStock' ? (
                  <TextField
                    label={boost.field === 'brand' ? 'Brand' : 'Category slug'}
                    value={boost.value}
                    onChange={(event) => setBoost({ ...boost, value: event.target.value })}
                    placeholder={boost.field === 'brand' ? 'Lumen & Co' : 'lighting'}
                    error={errors.value}
                    autoComplete="off"
                  />
                ) : null}
                <TextField
                  label="Only for the search (optional)"
                  value={boost.query}
                  onChange={(event) => {
                    setBoost({ ...boost, query: event.target.value });
                    if (event.target.value.trim()) setPreviewQuery(event.target.value);
                  }}
                  hint="Empty: every search."
                  error={errors.query}
                  autoComplete="off"
                />
                <div className="sm:col-span-2">
                  <Button type="submit" disabled={pending}>
                    Add rule
                  </Button>
                </div>
              </form>
            ) : null}
          </CardBody>
        </Card>

        <Card>
          <CardHeader
            title="Searches that found nothing"
            description="The last 30 days, most frequent first."
          />
          <CardBody>
            <ZeroResultList
              items={zeroResults}
              canWrite={canWrite}
              onSynonym={(query) => {
                setSynonym({ direction: 'one-way', terms: `${query}, `, replaces: '' });
                setPreviewQuery(query);
                focusField('synonym-terms');
              }}
              onRedirect={(query) => {
                setRedirect({ query, url: '', replaces: '' });
                setPreviewQuery(query);
                focusField('redirect-url');
              }}
            />
          </CardBody>
        </Card>
      </div>
    </div>
  );
}
