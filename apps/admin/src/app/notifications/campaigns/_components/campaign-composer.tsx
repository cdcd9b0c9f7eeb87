'use client';

import { Button, Card, CardBody, CardHeader, Notice, SelectField, TextField } from '@shop/ui';
import type { Route } from 'next';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition, type ComponentProps } from 'react';
import { saveCampaign } from '../actions';
import { emailLanguageOf, emailLanguages } from '../../_components/email-languages';
import { AudienceFields, useAudienceCount, type CategoryChoice } from './audience-fields';
import { BlockEditor } from './block-editor';
import type { CampaignDraft } from './campaign-draft';
import type { CampaignActionState } from './campaign-errors';
import { campaignFieldsOf } from './campaign-input';
import { CampaignPreview } from './campaign-preview';
import { SendPanel } from './send-panel';

function liveErrors(
  shown: Record<string, string>,
  checked: CampaignDraft,
  now: CampaignDraft,
): Record<string, string> {
  if (checked === now) return shown;
  const found = campaignFieldsOf(now);
  const still = found.ok ? {} : found.errors;
  return Object.fromEntries(Object.entries(shown).filter(([key]) => key in still));
}

/**
 * Writing a campaign (new, or a saved draft or scheduled one): name, subject, preheader and
 * language; the blocks; the audience with its live count; and beside it the cell's preview.
 * The browser checks what the cell checks, so most mistakes show at their field at once; the
 * cell's own refusals land on the same fields. A saved one gets the send panel below.
 */
export function CampaignComposer({
  campaignId,
  initial,
  categories,
  send,
}: {
  campaignId?: string;
  initial: CampaignDraft;
  categories: CategoryChoice[];
  /** For a saved campaign: what the send panel shows below the form. */
  send?: Omit<ComponentProps<typeof SendPanel>, 'dirty' | 'savedAudience'>;
}) {
  const router = useRouter();
  const [draft, setDraft] = useState<CampaignDraft>(initial);
  const [saved, setSaved] = useState<CampaignDraft | null>(campaignId ? initial : null);
  const [state, setState] = useState<CampaignActionState>({ status: 'idle' });
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  const createKey = useRef<{ key: string; fingerprint: string } | null>(null);
  // The draft the shown errors were found in: once it changes, an error stays only while the
  // browser's own check still finds it, so a fixed field clears as it is fixed.
  const [checkedDraft, setCheckedDraft] = useState<CampaignDraft>(initial);
  const errors = liveErrors(state.fieldErrors ?? {}, checkedDraft, draft);
  const count = useAudienceCount(draft.audience);
  const dirty = !saved || JSON.stringify(saved) !== JSON.stringify(draft);

  useEffect(() => {
    if (state.status !== 'error') return;
    const form = formRef.current;
    (
      form?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      form?.querySelector<HTMLElement>('[data-save-message]')
    )?.focus();
  }, [state]);

  const set = <K extends keyof CampaignDraft>(key: K, value: CampaignDraft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const checked = campaignFieldsOf(draft);
    setCheckedDraft(draft);
    if (!checked.ok) {
      setState({
        status: 'error',
        message: 'Check the highlighted fields.',
        fieldErrors: checked.errors,
      });
      return;
    }
    // A new campaign's create carries a key per content: a retry of the same draft (a lost
    // answer) returns the draft already made; changed content is a new create.
    const fingerprint = JSON.stringify(draft);
    if (!campaignId && createKey.current?.fingerprint !== fingerprint) {
      createKey.current = { key: crypto.randomUUID(), fingerprint };
    }
    const idempotencyKey = campaignId ? undefined : createKey.current?.key;
    startTransition(async () => {
      const snapshot = draft;
      const next = await saveCampaign({ id: campaignId, idempotencyKey, draft: snapshot }).catch(
        (): CampaignActionState & { id?: string } => ({
          status: 'error',
          message: 'That did not go through. Check your connection and try again.',
        }),
      );
      setState(next);
      if (next.status !== 'success') return;
      setSaved(snapshot);
      if (!campaignId && next.id) {
        router.replace(`/notifications/campaigns/${next.id}?saved=1` as Route);
      } else router.refresh();
    });
  };

  // The preview sits beside the form from 1536 px only. At 1280 px the page has 960 px (16rem of
  // menu, 2rem of padding each side): the 600 px email and its frame would leave the form about
  // 300 px, a phone's width with its two-column fields side by side (seen in a screenshot).
  return (
    <div className="grid gap-6 2xl:grid-cols-[minmax(0,1fr)_minmax(0,40rem)]">
      <div className="flex min-w-0 flex-col gap-6">
        <form ref={formRef} onSubmit={submit} noValidate className="flex flex-col gap-6">
          <div tabIndex={-1} data-save-message className="focus:outline-none" aria-live="polite">
            {state.status === 'error' && state.message ? (
              <Notice tone="danger" title={state.message} data-testid="form-error">
                {errors.form ?? null}
              </Notice>
            ) : state.status === 'success' && state.message ? (
              <Notice tone="success" title={state.message} data-testid="form-success" />
            ) : null}
          </div>
          <fieldset disabled={pending} className="flex min-w-0 flex-col gap-6">
            <legend className="sr-only">Campaign</legend>
            <Card>
              <CardHeader title="Email" />
              <CardBody className="grid gap-4 sm:grid-cols-2">
                <TextField
                  label="Campaign name"
                  hint="For staff only; recipients never see it."
                  required
                  maxLength={120}
                  value={draft.name}
                  error={errors.name}
                  onChange={(event) => set('name', event.target.value)}
                />
                <SelectField
                  label="Language"
                  value={draft.language}
                  error={errors.language}
                  options={emailLanguages.map(([code, name]) => ({ value: code, label: name }))}
                  onChange={(event) =>
                    set('language', emailLanguageOf(event.target.value) ?? draft.language)
                  }
                />
                <TextField
                  label="Subject"
                  required
                  maxLength={200}
                  value={draft.subject}
                  error={errors.subject}
                  className="sm:col-span-2"
                  onChange={(event) => set('subject', event.target.value)}
                />
                <TextField
                  label="Preheader (optional)"
                  hint="The line inboxes show after the subject."
                  maxLength={200}
                  value={draft.preheader}
                  error={errors.preheader}
                  className="sm:col-span-2"
                  onChange={(event) => set('preheader', event.target.value)}
                />
              </CardBody>
            </Card>
            <Card>
              <CardHeader
                title="Content"
                description="Blocks from top to bottom. The shop's header, legal footer and unsubscribe link are added to every email."
              />
              <CardBody>
                <BlockEditor
                  blocks={draft.blocks}
                  errors={errors}
                  onChange={(blocks) => set('blocks', blocks)}
                />
              </CardBody>
            </Card>
            <Card>
              <CardHeader title="Audience" />
              <CardBody>
                <AudienceFields
                  audience={draft.audience}
                  categories={categories}
                  errors={errors}
                  count={count}
                  onChange={(audience) => set('audience', audience)}
                />
              </CardBody>
            </Card>
            <div className="flex flex-wrap items-center gap-3">
              <Button type="submit" disabled={pending}>
                {pending ? 'Saving…' : campaignId ? 'Save campaign' : 'Save draft'}
              </Button>
              {campaignId && dirty ? (
                <span className="text-sm text-ink-muted" data-testid="unsaved">
                  Unsaved changes
                </span>
              ) : null}
            </div>
          </fieldset>
        </form>
      </div>
      <div className="min-w-0 2xl:sticky 2xl:top-4 2xl:self-start">
        <CampaignPreview draft={draft} />
      </div>
      {send && saved ? (
        <div className="min-w-0 2xl:col-span-2">
          <SendPanel {...send} dirty={dirty} savedAudience={saved.audience} />
        </div>
      ) : null}
    </div>
  );
}
