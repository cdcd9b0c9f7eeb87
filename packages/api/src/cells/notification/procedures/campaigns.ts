import { TRPCError } from '@trpc/server';
import type { StaffArgs } from '../../../trpc/context';
import type {
  AudienceSizeInput,
  CampaignIdInput,
  CreateCampaignInput,
  GetCampaignInput,
  ListCampaignsInput,
  PreviewCampaignInput,
  ScheduleCampaignInput,
  UpdateCampaignInput,
} from '../campaigns/inputs';
import type { CampaignPage, CampaignPreviewView, CampaignView } from '../campaigns/views';

function notYet(): never {
  throw new TRPCError({ code: 'NOT_IMPLEMENTED', message: 'Campaigns are being built' });
}

export async function listCampaigns(_: StaffArgs<ListCampaignsInput>): Promise<CampaignPage> {
  return notYet();
}
export async function getCampaign(_: StaffArgs<GetCampaignInput>): Promise<CampaignView> {
  return notYet();
}
export async function createCampaign(_: StaffArgs<CreateCampaignInput>): Promise<CampaignView> {
  return notYet();
}
export async function updateCampaign(_: StaffArgs<UpdateCampaignInput>): Promise<CampaignView> {
  return notYet();
}
export async function previewCampaign(
  _: StaffArgs<PreviewCampaignInput>,
): Promise<CampaignPreviewView> {
  return notYet();
}
export async function audienceSize(_: StaffArgs<AudienceSizeInput>): Promise<{ count: number }> {
  return notYet();
}
export async function sendCampaignTest(_: StaffArgs<CampaignIdInput>): Promise<{ sentTo: string }> {
  return notYet();
}
export async function scheduleCampaign(_: StaffArgs<ScheduleCampaignInput>): Promise<CampaignView> {
  return notYet();
}
export async function sendCampaignNow(_: StaffArgs<CampaignIdInput>): Promise<CampaignView> {
  return notYet();
}
export async function pauseCampaign(_: StaffArgs<CampaignIdInput>): Promise<CampaignView> {
  return notYet();
}
export async function resumeCampaign(_: StaffArgs<CampaignIdInput>): Promise<CampaignView> {
  return notYet();
}
export async function cancelCampaign(_: StaffArgs<CampaignIdInput>): Promise<CampaignView> {
  return notYet();
}
