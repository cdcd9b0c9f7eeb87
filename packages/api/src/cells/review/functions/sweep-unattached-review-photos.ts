import { inngestFor } from '../../../events/inngest-client';
import { defineSagaStep } from '../../saga-step';
import { sweepUnattachedPhotos } from '../photo-sweep';

export const sweepPhotosStep = defineSagaStep({
  id: 'sweep-photos',
  run: () => sweepUnattachedPhotos(),
});

/**
 * Every hour: review photos uploaded more than a day ago that no review took are deleted, files
 * and records (photo-sweep.ts). Without it a shopper who picked photos and left kept them stored
 * until their account was erased.
 */
export const sweepUnattachedReviewPhotos = inngestFor('review').createFunction(
  { id: 'sweep-unattached-review-photos', retries: 3, triggers: [{ cron: '23 * * * *' }] },
  async ({ step }) => ({
    deleted: await step.run(sweepPhotosStep.id, () => sweepPhotosStep.run(undefined)),
  }),
);
