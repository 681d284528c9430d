import { Field, Fieldset, Input, Label, Select, ValidationMessage } from '@digdir/designsystemet-react';
import { type ComponentProps, type ReactNode, useId } from 'react';

/*
 * Designsystemet's Field, Label and Input, with the label's `for`, the description's and the error's ids
 * written on the server. Designsystemet's own Textfield and Checkbox link them in the browser only, so
 * with JavaScript off a field would have no accessible name. Use these in every form.
 */

interface Common {
  label: ReactNode;
  description?: ReactNode;
  /** The server's message for this field, shown beside it (and marked invalid). */
  error?: ReactNode;
  id?: string;
}

function useIds(given?: string) {
  const auto = useId();
  const id = given ?? `f${auto.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  return { id, description: `${id}-description`, error: `${id}-error` };
}

const describedBy = (ids: ReturnType<typeof useIds>, description: unknown, error: unknown) =>
  [description ? ids.description : '', error ? ids.error : ''].filter(Boolean).join(' ') || undefined;

export function TextField({
  label,
  description,
  error,
  id,
  ...input
}: Common & Omit<ComponentProps<typeof Input>, 'id'>) {
  const ids = useIds(id);
  return (
    <Field>
      <Label htmlFor={ids.id}>{label}</Label>
      {description && <Field.Description id={ids.description}>{description}</Field.Description>}
      <Input
        id={ids.id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(ids, description, error)}
        {...input}
      />
      {error && <ValidationMessage id={ids.error}>{error}</ValidationMessage>}
    </Field>
  );
}

export function SelectField({
  label,
  description,
  error,
  id,
  children,
  ...select
}: Common & Omit<ComponentProps<typeof Select>, 'id'>) {
  const ids = useIds(id);
  return (
    <Field>
      <Label htmlFor={ids.id}>{label}</Label>
      {description && <Field.Description id={ids.description}>{description}</Field.Description>}
      <Select
        id={ids.id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(ids, description, error)}
        {...select}
      >
        {children}
      </Select>
      {error && <ValidationMessage id={ids.error}>{error}</ValidationMessage>}
    </Field>
  );
}

export function CheckboxField({
  label,
  description,
  error,
  id,
  ...input
}: Common & Omit<ComponentProps<typeof Input>, 'id' | 'type'>) {
  const ids = useIds(id);
  return (
    <Field>
      <Input
        type="checkbox"
        id={ids.id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(ids, description, error)}
        {...input}
      />
      <Label htmlFor={ids.id} weight="regular">
        {label}
      </Label>
      {description && <Field.Description id={ids.description}>{description}</Field.Description>}
      {error && <ValidationMessage id={ids.error}>{error}</ValidationMessage>}
    </Field>
  );
}

/** A radio button with its label linked on the server (Designsystemet's Radio links them in the browser). */
export function RadioField({
  label,
  id,
  ...input
}: Omit<Common, 'error' | 'description'> & Omit<ComponentProps<typeof Input>, 'id' | 'type'>) {
  const ids = useIds(id);
  return (
    <Field>
      <Input type="radio" id={ids.id} {...input} />
      <Label htmlFor={ids.id} weight="regular">
        {label}
      </Label>
    </Field>
  );
}

/**
 * A group of checkboxes under one legend, one value each (weekdays, organisation kinds, rooms): the
 * group posts every ticked value under `name`. Ids are `${idPrefix}-${value}`.
 */
export function CheckboxGroup<V extends string | number>(props: {
  legend: string;
  name: string;
  idPrefix: string;
  values: readonly V[];
  labelOf: (v: V) => string;
  checked: readonly V[] | undefined;
  help?: string;
}) {
  return (
    <Fieldset>
      <Fieldset.Legend>{props.legend}</Fieldset.Legend>
      {props.help && <Fieldset.Description>{props.help}</Fieldset.Description>}
      <div className="tick-row">
        {props.values.map((v) => (
          <CheckboxField
            key={v}
            id={`${props.idPrefix}-${v}`}
            name={props.name}
            value={String(v)}
            label={props.labelOf(v)}
            defaultChecked={props.checked?.includes(v) ?? false}
          />
        ))}
      </div>
    </Fieldset>
  );
}
