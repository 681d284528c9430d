import { Field, Input, Label } from '@digdir/designsystemet-react';
import type { ComponentProps, ReactNode } from 'react';

/**
 * A radio button whose label is linked on the server (as fields.tsx does for the other inputs), so it
 * has its name with JavaScript off too. Put several in a Designsystemet Fieldset with a legend.
 */
export function RadioField({
  id,
  label,
  ...input
}: { id: string; label: ReactNode } & Omit<ComponentProps<typeof Input>, 'id' | 'type'>) {
  return (
    <Field>
      <Input type="radio" id={id} {...input} />
      <Label htmlFor={id} weight="regular">
        {label}
      </Label>
    </Field>
  );
}
