import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RangeForm } from './range-form';
import { reportRangeProblem } from './report-range';

const dateInputs = (html: string) => html.match(/<input type="date"[^>]*>/g) ?? [];
/** The input labelled `label` (the text right before it inside its label). */
const inputLabelled = (html: string, label: string) =>
  new RegExp(`<label[^>]*>${label}(<input[^>]*>)`).exec(html)?.[1] ?? '';

describe('RangeForm', () => {
  it('labels both dates and the grouping, holding the range asked for', () => {
    const html = renderToStaticMarkup(
      createElement(RangeForm, {
        range: { from: '2026-01-01', to: '2026-01-31', interval: 'week' },
      }),
    );
    expect(inputLabelled(html, 'From')).toMatch(/type="date".* name="from" value="2026-01-01"/);
    expect(inputLabelled(html, 'To')).toMatch(/type="date".* name="to" value="2026-01-31"/);
    expect(html).toMatch(/<label[^>]*>Group by<select name="interval"/);
    expect(html).not.toContain('aria-invalid');
    expect(html).not.toContain('range-problem');
  });

  it('marks both dates, and only they, wrong and ties them to the one sentence saying why', () => {
    const range = { from: '2024-01-01', to: '2026-01-31', interval: 'day' } as const;
    const problem = reportRangeProblem(range);
    expect(problem).toBeTruthy();
    const html = renderToStaticMarkup(createElement(RangeForm, { range, problem }));
    const dates = dateInputs(html);
    expect(dates).toHaveLength(2);
    for (const input of dates) {
      expect(input).toContain('aria-invalid="true"');
      expect(input).toContain('aria-describedby="range-problem"');
    }
    expect(html).toMatch(/<select name="interval"(?![^>]*aria-invalid)[^>]*border-line/);
    expect(html).toContain(`<p id="range-problem" role="alert"`);
    expect(html).toContain(problem!);
  });
});
