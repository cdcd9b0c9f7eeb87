/** A Next route (`/account/orders/[orderId]`, `/images/[...path]`) as a pattern for a pathname. */
export function routePattern(route: string): RegExp {
  const source = route
    .split('/')
    .map((segment) =>
      segment.startsWith('[...')
        ? '.+'
        : segment.startsWith('[')
          ? '[^/]+'
          : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${source || '/'}$`);
}
