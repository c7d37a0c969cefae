// Labelled form controls with a hint and an error line; ≥ 44 px targets. No data imports.
import type { ComponentChildren } from 'preact';

interface Base {
  id: string;
  label: string;
  error?: string;
  hint?: string;
}

function Wrap({ id, label, error, hint, children }: Base & { children: ComponentChildren }) {
  return (
    <div class="field" data-invalid={error ? '' : undefined}>
      <label for={id}>{label}</label>
      {children}
      {hint && !error && (
        <span class="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span class="error" id={`${id}-error`} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

const describedBy = (b: Base) => (b.error ? `${b.id}-error` : b.hint ? `${b.id}-hint` : undefined);

export function TextField(
  p: Base & {
    value: string;
    onInput: (v: string) => void;
    type?: string;
    inputMode?: 'text' | 'numeric' | 'tel' | 'email';
    placeholder?: string;
    autoComplete?: string;
    required?: boolean;
  },
) {
  return (
    <Wrap {...p}>
      <input
        id={p.id}
        name={p.id}
        type={p.type ?? 'text'}
        inputMode={p.inputMode}
        value={p.value}
        placeholder={p.placeholder}
        autoComplete={p.autoComplete ?? 'off'}
        required={p.required}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy(p)}
        onInput={(e) => p.onInput((e.target as HTMLInputElement).value)}
      />
    </Wrap>
  );
}

export function TextAreaField(p: Base & { value: string; onInput: (v: string) => void; rows?: number }) {
  return (
    <Wrap {...p}>
      <textarea
        id={p.id}
        name={p.id}
        rows={p.rows ?? 3}
        value={p.value}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy(p)}
        onInput={(e) => p.onInput((e.target as HTMLTextAreaElement).value)}
      />
    </Wrap>
  );
}

export function SelectField<V extends string>(
  p: Base & { value: V | ''; onChange: (v: V) => void; options: { value: V | ''; label: string }[] },
) {
  return (
    <Wrap {...p}>
      <select
        id={p.id}
        name={p.id}
        value={p.value}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy(p)}
        onChange={(e) => p.onChange((e.target as HTMLSelectElement).value as V)}
      >
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Wrap>
  );
}
