import { useId, type ReactNode } from 'react';

/**
 * A labelled form control. The label is tied by id rather than by wrapping: a wrapping label's
 * accessible name would also read out the control's current value or options.
 */
export function Field({ label, wide, children }: { label: ReactNode; wide?: boolean; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className={wide ? 'field wide' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}
