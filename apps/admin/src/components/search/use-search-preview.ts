'use client';

import { useEffect, useState } from 'react';
import { previewSearch } from '@/app/search/actions';
import type { PreviewAnswer, RuleDraft } from './merchandising-types';

/** Waits for a pause in typing before asking, so each keystroke is not a search. */
const pauseMs = 300;

/**
 * The preview of `q` with the draft rules, asked again (after a pause) whenever either changes.
 * `loading` is true from a change until its answer; an older answer never replaces a newer one.
 */
export function useSearchPreview(q: string, draft: RuleDraft) {
  const [answer, setAnswer] = useState<PreviewAnswer | null>(null);
  const [loading, setLoading] = useState(false);
  const key = JSON.stringify([q.trim(), draft]);
  useEffect(() => {
    const [query, rules] = JSON.parse(key) as [string, RuleDraft];
    if (!query) {
      setAnswer(null);
      setLoading(false);
      return;
    }
    let current = true;
    setLoading(true);
    const timer = setTimeout(() => {
      previewSearch(query, rules)
        .catch((): PreviewAnswer => ({ ok: false, message: 'The preview cannot be shown now.' }))
        .then((next) => {
          if (!current) return;
          setAnswer(next);
          setLoading(false);
        });
    }, pauseMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key]);
  return { answer, loading };
}
