import 'server-only';
import type { StaffSession } from '@/auth/current-session';
import { cellsAs } from '@/auth/signed-in-cells';
import { categoryOptionsOf } from '@/components/catalog/category-options';
import { callCell } from '@/server/cell-call';
import type { CategoryChoice } from './audience-fields';

/** The catalogue's categories for the audience select, in tree order ("Home › Lighting"). */
export async function categoryChoices(session: StaffSession): Promise<CategoryChoice[]> {
  const tree = await callCell(({ signal }) =>
    cellsAs(session).product.categoryTree.query(undefined, { signal }),
  );
  return tree.ok
    ? categoryOptionsOf(tree.data.items).map(({ slug, path }) => ({ slug, path }))
    : [];
}
