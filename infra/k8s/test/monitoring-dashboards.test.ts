import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { monitoringDirectory, promtool, promtoolUnavailableReason } from './support/promtool';

// The Grafana dashboards of components/monitoring/dashboards.yaml: provisioned by their label,
// and every query parsed by Prometheus's own parser (each expr becomes a recording rule, which
// `promtool check rules` parses), so a dashboard never loads with a broken panel.

interface Dashboard {
  uid: string;
  title: string;
  panels: { title: string; targets: { expr: string }[] }[];
}

const configMap = parse(readFileSync(join(monitoringDirectory, 'dashboards.yaml'), 'utf8')) as {
  metadata: { labels: Record<string, string> };
  data: Record<string, string>;
};
const dashboards = Object.entries(configMap.data).map(
  ([key, json]) => [key, JSON.parse(json) as Dashboard] as const,
);
/** Grafana's own variables, as Grafana substitutes them before Prometheus sees the query. */
const withGrafanaVariables = (expr: string) => expr.replaceAll('$__rate_interval', '5m');

let workDirectory: string | undefined;
afterAll(() => workDirectory && rmSync(workDirectory, { recursive: true, force: true }));

describe('the Grafana dashboards', () => {
  it('are provisioned by the sidecar label, one per view the issue names', () => {
    expect(configMap.metadata.labels.grafana_dashboard).toBe('1');
    expect(Object.keys(configMap.data).sort()).toEqual([
      'business.json',
      'executor.json',
      'mongodb.json',
      'order-saga.json',
      'platform-overview.json',
    ]);
    const uids = dashboards.map(([, board]) => board.uid);
    expect(new Set(uids).size).toBe(uids.length);
  });

  it('have panels with queries', () => {
    for (const [key, board] of dashboards) {
      expect(board.panels.length, key).toBeGreaterThan(0);
      for (const panel of board.panels)
        expect(panel.targets.length, panel.title).toBeGreaterThan(0);
    }
  });

  it("have every query accepted by Prometheus's parser", (context) => {
    const unavailable = promtoolUnavailableReason();
    if (unavailable) {
      console.warn(`skipped the dashboards' query check: ${unavailable}`);
      return context.skip(unavailable);
    }
    const groups = dashboards.map(([key, board]) => ({
      name: key,
      rules: board.panels.flatMap((panel, p) =>
        panel.targets.map((target, t) => ({
          record: `dashboard:${board.uid.replaceAll('-', '_')}:panel_${p}_${t}`,
          expr: withGrafanaVariables(target.expr),
        })),
      ),
    }));
    workDirectory = mkdtempSync(join(tmpdir(), 'shop-dashboards-'));
    const file = join(workDirectory, 'dashboard-queries.yaml');
    writeFileSync(file, stringify({ groups }));
    expect(promtool(['check', 'rules', file])).toContain('SUCCESS');
  });
});
