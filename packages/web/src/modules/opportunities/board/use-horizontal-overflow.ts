import { type RefObject, useCallback, useEffect, useState } from 'react';

export interface HorizontalOverflow {
  /** Content hidden to the left or right of the scrolled box. */
  left: boolean;
  right: boolean;
}

/** Whether a horizontally scrolling box hides content on either side, kept up to date as it scrolls and resizes. */
export function useHorizontalOverflow(ref: RefObject<HTMLElement | null>): HorizontalOverflow {
  const [overflow, setOverflow] = useState<HorizontalOverflow>({ left: false, right: false });
  const measure = useCallback(() => {
    const box = ref.current;
    if (!box) return;
    const left = box.scrollLeft > 1;
    const right = box.scrollLeft + box.clientWidth < box.scrollWidth - 1;
    setOverflow((was) => (was.left === left && was.right === right ? was : { left, right }));
  }, [ref]);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    measure();
    box.addEventListener('scroll', measure, { passive: true });
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    for (const child of Array.from(box.children)) observer.observe(child);
    return () => {
      box.removeEventListener('scroll', measure);
      observer.disconnect();
    };
  }, [ref, measure]);
  return overflow;
}
