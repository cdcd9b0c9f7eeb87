import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { columnClassNames, Table, type TableColumn } from './table';

interface Order {
  id: string;
  number: string;
  totalMinor: number;
}

const columns: TableColumn<Order>[] = [
  { key: 'number', header: 'Order', cell: (order) => order.number, rowHeader: true },
  { key: 'placed', header: 'Placed', cell: () => 'today', hideBelow: 'sm' },
  { key: 'total', header: 'Total', cell: (order) => `€${order.totalMinor / 100}`, align: 'end' },
];

const orders: Order[] = [
  { id: 'a', number: 'SO-100001', totalMinor: 1250 },
  { id: 'b', number: 'SO-100002', totalMinor: 990 },
];

const render = (element: React.ReactElement) => renderToStaticMarkup(element);

describe('Table', () => {
  it('names the table, gives every column a header cell and every row its header', () => {
    const html = render(
      <Table
        caption="Orders"
        columns={columns}
        rows={orders}
        rowKey={(order) => order.id}
        rowProps={() => ({ 'data-testid': 'order-row' })}
      />,
    );
    expect(html).toMatch(/^<div class="overflow-x-auto"><table/);
    expect(html).toContain('<caption class="sr-only">Orders</caption>');
    expect(html.match(/<th scope="col"/g)).toHaveLength(3);
    expect(html.match(/<th scope="row"[^>]*>SO-10000\d<\/th>/g)).toHaveLength(2);
    expect(html.match(/data-testid="order-row"/g)).toHaveLength(2);
    expect(html).toContain('>€12.5</td>');
  });

  it('can be named by aria-label instead of a caption', () => {
    const html = render(
      <Table aria-label="Latest orders" columns={columns} rows={orders} rowKey={(o) => o.id} />,
    );
    expect(html).toContain('aria-label="Latest orders"');
    expect(html).not.toContain('<caption');
  });

  it('aligns numbers to the end and hides narrow-screen columns on both header and cells', () => {
    expect(columnClassNames({ align: 'end' })).toBe('text-right');
    expect(columnClassNames({ hideBelow: 'md' })).toBe('text-left hidden md:table-cell');
    const html = render(
      <Table caption="Orders" columns={columns} rows={orders} rowKey={(o) => o.id} />,
    );
    // One header and two body cells for the hidden-below-sm column.
    expect(html.match(/hidden sm:table-cell/g)).toHaveLength(3);
  });

  it('shows the empty state instead of an empty table', () => {
    const html = render(
      <Table
        caption="Orders"
        columns={columns}
        rows={[]}
        rowKey={(o) => o.id}
        empty={<p>No orders yet</p>}
      />,
    );
    expect(html).toBe('<p>No orders yet</p>');
    expect(
      render(<Table caption="Orders" columns={columns} rows={[]} rowKey={(o) => o.id} />),
    ).toContain('Nothing to show');
  });

  it('gives a text message a paragraph of its own, under the caption when it is visible', () => {
    const hidden = render(
      <Table caption="Orders" columns={columns} rows={[]} rowKey={(o) => o.id} empty="None." />,
    );
    expect(hidden).toBe('<p class="text-sm text-ink-muted">None.</p>');
    const visible = render(
      <Table
        caption="Best sellers"
        captionVisible
        columns={columns}
        rows={[]}
        rowKey={(o) => o.id}
        empty="No sales in this range."
      />,
    );
    expect(visible).toContain('>Best sellers</p>');
    expect(visible).toContain('<p class="text-sm text-ink-muted">No sales in this range.</p>');
  });

  it('says it is busy and shows placeholder rows while loading', () => {
    const html = render(
      <Table
        caption="Orders"
        columns={columns}
        rows={[]}
        rowKey={(o) => o.id}
        loading
        loadingRows={2}
        empty={<p>No orders yet</p>}
      />,
    );
    expect(html).toContain('aria-busy="true"');
    expect(html.match(/data-loading-row/g)).toHaveLength(2);
    expect(html).toContain('role="status"');
    expect(html).not.toContain('No orders yet');
  });

  it('puts the caller’s totals in a footer and frames the table when asked', () => {
    const html = render(
      <Table
        caption="Items"
        columns={columns}
        rows={orders}
        rowKey={(o) => o.id}
        framed
        footer={
          <tr>
            <th scope="row">Total</th>
          </tr>
        }
      />,
    );
    expect(html).toContain('<tfoot class="border-t border-line"><tr><th scope="row">Total</th>');
    expect(html).toMatch(/^<div class="overflow-x-auto rounded-card border/);
  });
});
