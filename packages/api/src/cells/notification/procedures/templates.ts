import { TRPCError } from '@trpc/server';
import type { HandlerArgs, SignedInContext, StaffArgs } from '../../../trpc/context';
import { fieldError } from '../../../trpc/field-error';
import { notificationDatabase } from '../database';
import type {
  PreviewTemplateInput,
  ResetTemplateOverrideInput,
  SaveTemplateOverrideInput,
} from '../inputs';
import { mailConfig } from '../mail-config';
import { blockEntries, loadOverride, overrideProblems } from '../template-overrides';
import type { EmailTemplate } from '../templates/email-template';
import { emailTemplates, type EmailTemplateId } from '../templates/registry';
import { renderEmail } from '../templates/render-email';
import { sampleProps } from '../templates/sample-props';
import type { TemplatePreviewView, TemplateSummaryView } from '../views';

type AnyTemplate = EmailTemplate<unknown>;

function templateOf(id: string): { id: EmailTemplateId; template: AnyTemplate } {
  if (!(id in emailTemplates)) throw fieldError(['template'], 'no such template');
  // The registry's entries differ in props; each is used with its own sample below.
  return {
    id: id as EmailTemplateId,
    template: emailTemplates[id as EmailTemplateId] as AnyTemplate,
  };
}

/** Every template id in the registry (the message list's filter). */
export async function templateIds(): Promise<string[]> {
  return Object.keys(emailTemplates).sort();
}

/** Every template, its sample subject and the languages it has staff wording in. */
export async function listTemplates(): Promise<TemplateSummaryView[]> {
  const { TemplateOverride } = await notificationDatabase.models();
  const overrides = await TemplateOverride.find({}, { template: 1, language: 1 }).lean();
  const samples = sampleProps();
  return Object.keys(emailTemplates)
    .sort()
    .map((key) => {
      const { id, template } = templateOf(key);
      const sample = samples[id];
      return {
        id,
        kind: template.kind,
        sampleSubject: sample === undefined ? '' : template.subject(template.props.parse(sample)),
        editableBlocks: Object.keys(template.editable?.blocks ?? {}).length,
        rewordable: !template.writtenPerSend,
        overriddenLanguages: overrides
          .filter((override) => override.template === id)
          .map((override) => override.language)
          .sort(),
      };
    });
}

/** The template rendered with sample data and the staff wording for the language, as sent. */
export async function previewTemplate({
  input,
}: HandlerArgs<PreviewTemplateInput, SignedInContext>): Promise<TemplatePreviewView> {
  const { id, template } = templateOf(input.template);
  const { TemplateOverride } = await notificationDatabase.models();
  const stored = await TemplateOverride.findOne({ template: id, language: input.language }).lean();
  const override = await loadOverride(id, input.language);
  const sample = sampleProps()[id];
  if (sample === undefined) {
    throw new TRPCError({ code: 'NOT_FOUND', message: 'This template has no sample data yet' });
  }
  const rendered = await renderEmail(
    template,
    sample,
    { storefrontUrl: mailConfig().storefrontUrl },
    override,
  );
  const blocks = template.editable?.blocks ?? {};
  return {
    id,
    kind: template.kind,
    language: input.language,
    ...rendered,
    subjectOverride: override?.subject ?? null,
    blocks: Object.entries(blocks).map(([key, block]) => ({
      key,
      label: block.label,
      defaultText: block.text,
      override: override?.blocks?.[key] ?? null,
    })),
    variables: [...(template.editable?.variables ?? [])],
    rewordable: !template.writtenPerSend,
    updatedAt: stored?.updatedAt?.toISOString() ?? null,
  };
}

/**
 * Stores staff's wording of a template in one language (audited). Blocks left empty or equal to
 * the default are not stored, so a later change of the default reaches them; nothing left at all
 * removes the override.
 */
export async function saveTemplateOverride({
  ctx,
  input,
}: StaffArgs<SaveTemplateOverrideInput>): Promise<TemplatePreviewView> {
  const { id, template } = templateOf(input.template);
  if (template.writtenPerSend) {
    throw fieldError(['template'], 'its wording is written in each campaign, not here');
  }
  const defaults = template.editable?.blocks ?? {};
  const blocks = Object.fromEntries(
    Object.entries(input.blocks).filter(
      ([key, text]) => text !== '' && text !== defaults[key]?.text,
    ),
  );
  const problems = overrideProblems(template as EmailTemplate<never>, {
    subject: input.subject,
    blocks,
  });
  const [first] = problems;
  if (first) throw fieldError(first.path.split('.'), first.message);

  const { TemplateOverride } = await notificationDatabase.models();
  const where = { template: id, language: input.language };
  const before = await TemplateOverride.findOne(where).lean();
  const subject = input.subject || null;
  if (!subject && Object.keys(blocks).length === 0) {
    await TemplateOverride.deleteOne(where);
  } else {
    await TemplateOverride.updateOne(
      where,
      { $set: { subject, blocks, updatedBy: ctx.identity.accountId } },
      { upsert: true, runValidators: true },
    );
  }
  ctx.audit.record({
    object: { type: 'email-template', id: `${id}:${input.language}` },
    before: before
      ? { subject: before.subject ?? null, blocks: Object.fromEntries(blockEntries(before.blocks)) }
      : null,
    after: subject || Object.keys(blocks).length > 0 ? { subject, blocks } : null,
  });
  return previewTemplate({ ctx, input: { template: id, language: input.language } });
}

/** Back to the template's own text in one language (audited). */
export async function resetTemplateOverride({
  ctx,
  input,
}: StaffArgs<ResetTemplateOverrideInput>): Promise<TemplatePreviewView> {
  const { id } = templateOf(input.template);
  const { TemplateOverride } = await notificationDatabase.models();
  const before = await TemplateOverride.findOneAndDelete({
    template: id,
    language: input.language,
  }).lean();
  if (!before) throw new TRPCError({ code: 'NOT_FOUND', message: 'No wording to reset' });
  ctx.audit.record({
    object: { type: 'email-template', id: `${id}:${input.language}` },
    before: {
      subject: before.subject ?? null,
      blocks: Object.fromEntries(blockEntries(before.blocks)),
    },
    after: null,
  });
  return previewTemplate({ ctx, input: { template: id, language: input.language } });
}
