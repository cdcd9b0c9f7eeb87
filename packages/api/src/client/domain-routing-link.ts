import { TRPCClientError, type TRPCLink } from '@trpc/client';
import type { AnyRouter } from '@trpc/server';
import { observable } from '@trpc/server/observable';
import { type Domain, isDomain } from '../domains';

/**
 * A terminating link that sends each operation down the link of the domain named by the first
 * path segment (`product.list` goes to product's link). Each domain has its own batching link, so
 * one HTTP batch never mixes domains and each domain can live at its own URL. Domain links are
 * created on first use: a page that only talks to product never builds the other eight.
 */
export function domainRoutingLink<TRouter extends AnyRouter>(
  linkFor: (domain: Domain) => TRPCLink<TRouter>,
): TRPCLink<TRouter> {
  return (runtime) => {
    const started = new Map<Domain, ReturnType<TRPCLink<TRouter>>>();
    const operationLinkFor = (domain: Domain) => {
      let link = started.get(domain);
      if (!link) {
        link = linkFor(domain)(runtime);
        started.set(domain, link);
      }
      return link;
    };

    return ({ op }) =>
      observable((observer) => {
        const domain = op.path.slice(0, op.path.indexOf('.'));
        if (!isDomain(domain)) {
          observer.error(TRPCClientError.from(new Error(`No cell serves "${op.path}"`)));
          return;
        }
        return operationLinkFor(domain)({
          op,
          next: () => {
            throw new Error('A domain link must be a terminating link');
          },
        }).subscribe(observer);
      });
  };
}
