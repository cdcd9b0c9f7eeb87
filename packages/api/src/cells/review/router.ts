import { auditLogProcedure } from '../../audit/audit-log-procedure';
import { router } from '../../trpc/init';
import { authedProcedure, permissionProcedure, publicProcedure } from '../../trpc/procedures';
import { statusProcedure } from '../status';
import {
  approveInput,
  editInput,
  mineInput,
  moderationQueueInput,
  forProductInput,
  recomputeAggregatesInput,
  rejectInput,
  removeInput,
  replyInput,
  reportInput,
  reportsInput,
  requestLinkInput,
  submitByLinkInput,
  submitInput,
  summaryInput,
  voteInput,
} from './inputs';
import { recomputeAggregates } from './procedures/aggregates';
import { report, vote } from './procedures/feedback';
import {
  approve,
  moderationQueue,
  reject,
  rejectionDistribution,
  reply,
  reports,
} from './procedures/moderation';
import { forProduct, summary } from './procedures/product-reviews';
import { requestLink, submitByLink } from './procedures/request-links';
import { edit, mine, remove, submit } from './procedures/shopper-reviews';

/** The review cell's procedures (`review.<name>`), each with its permission, input and handler. */
export const reviewRouter = router({
  status: statusProcedure('review'),
  // Staff with audit:read: this cell's audit log (src/audit).
  auditLog: auditLogProcedure('review'),

  // A product's reviews and rating, for everyone (procedures/product-reviews.ts).
  forProduct: publicProcedure.input(forProductInput).query(forProduct),
  summary: publicProcedure.input(summaryInput).query(summary),

  // The shopper's own review (procedures/shopper-reviews.ts).
  submit: authedProcedure.input(submitInput).mutation(submit),
  edit: authedProcedure.input(editInput).mutation(edit),
  remove: authedProcedure.input(removeInput).mutation(remove),
  mine: authedProcedure.input(mineInput).query(mine),

  // A review through an emailed request link, without a sign-in (procedures/request-links.ts).
  requestLink: publicProcedure.input(requestLinkInput).query(requestLink),
  submitByLink: publicProcedure.input(submitByLinkInput).mutation(submitByLink),

  // Helpful votes and reports (procedures/feedback.ts).
  vote: authedProcedure.input(voteInput).mutation(vote),
  report: authedProcedure.input(reportInput).mutation(report),

  // Staff: moderation (procedures/moderation.ts).
  moderationQueue: permissionProcedure('reviews:moderate')
    .input(moderationQueueInput)
    .query(moderationQueue),
  approve: permissionProcedure('reviews:moderate').input(approveInput).mutation(approve),
  reject: permissionProcedure('reviews:moderate').input(rejectInput).mutation(reject),
  reply: permissionProcedure('reviews:moderate').input(replyInput).mutation(reply),
  reports: permissionProcedure('reviews:moderate').input(reportsInput).query(reports),
  rejectionDistribution: permissionProcedure('reviews:moderate').query(rejectionDistribution),

  // Staff: the aggregates' repair command (procedures/aggregates.ts).
  recomputeAggregates: permissionProcedure('reviews:moderate')
    .input(recomputeAggregatesInput)
    .mutation(recomputeAggregates),
});
