import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FormMessage } from './form-message';
import { SubmitButton } from './submit-button';

describe('FormMessage', () => {
  it('shows nothing until the form has an outcome', () => {
    expect(renderToStaticMarkup(<FormMessage state={{ status: 'idle' }} />)).toBe('');
    expect(renderToStaticMarkup(<FormMessage state={{ status: 'error' }} />)).toBe('');
  });

  it('shows a failure as an alert that focus can move to', () => {
    const html = renderToStaticMarkup(
      <FormMessage state={{ status: 'error', message: 'Check the highlighted fields.' }} />,
    );
    expect(html).toContain('tabindex="-1"');
    expect(html).toContain('data-form-message');
    expect(html).toContain('data-testid="form-error"');
    expect(html).toContain('Check the highlighted fields.');
  });
});

describe('SubmitButton', () => {
  it('says what is happening and cannot be pressed again while pending', () => {
    const idle = renderToStaticMarkup(
      <SubmitButton pending={false} pendingLabel="Saving…">
        Save
      </SubmitButton>,
    );
    expect(idle).toContain('type="submit"');
    expect(idle).not.toContain('disabled=""');
    expect(idle).toContain('Save');
    const pending = renderToStaticMarkup(
      <SubmitButton pending pendingLabel="Saving…">
        Save
      </SubmitButton>,
    );
    expect(pending).toContain('disabled=""');
    expect(pending).toContain('Saving…');
  });
});
