import { Field } from './field';

/** The shortest password the API accepts (identity's MIN_PASSWORD_LENGTH). */
export const MIN_PASSWORD_LENGTH = 12;

interface PasswordFieldProps {
  readonly label: string;
  readonly name: string;
  /** `current-password` where one is typed to prove who one is, `new-password` where one is chosen. */
  readonly autoComplete: 'current-password' | 'new-password';
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly error?: string | undefined;
  readonly hint?: string;
}

/** A required password input with its label, hint and error, as every password form of the console has it. */
export function PasswordField({
  label,
  name,
  autoComplete,
  value,
  onChange,
  error,
  hint,
}: PasswordFieldProps) {
  return (
    <Field label={label} error={error} {...(hint === undefined ? {} : { hint })} required>
      {(control) => (
        <input
          {...control}
          name={name}
          type="password"
          autoComplete={autoComplete}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
