import type { CampaignStatus, TemplateLanguage } from '@shop/db/notification';
import type { CampaignAudience, CampaignBlock } from './inputs';

/** Progress numbers of one campaign. `audience` is fixed when sending starts (0 before). */
export interface CampaignCountsView {
  audience: number;
  sent: number;
  failed: number;
  /** Consent withdrawn or address suppressed after the audience was built. */
  skipped: number;
  bounced: number;
  complained: number;
}

/** A campaign in the list. */
export interface CampaignSummaryView {
  id: string;
  name: string;
  subject: string;
  status: CampaignStatus;
  audience: CampaignAudience;
  counts: CampaignCountsView;
  sendAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CampaignPage {
  items: CampaignSummaryView[];
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
}

/** One campaign with its content and progress. */
export interface CampaignView extends CampaignSummaryView {
  preheader: string | null;
  language: TemplateLanguage;
  blocks: CampaignBlock[];
  pausedAt: string | null;
  cancelledAt: string | null;
  lastTestSentAt: string | null;
  /** Why sending paused by itself (the mail server kept refusing); resume to try again. */
  lastError: string | null;
  /** Whether content, audience and schedule may still change (draft or scheduled). */
  editable: boolean;
}

export interface CampaignPreviewView {
  subject: string;
  html: string;
  text: string;
}
