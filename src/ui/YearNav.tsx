// ‹ Năm 2025 › or ‹ Năm học 2025–2026 › — moves between the unit's years through the address
// bar (?y= the year's number: the calendar year it starts in). `sub`: the year's days, shown
// for a school year. No data imports.
export function YearNav({ year, href, label, title, sub, prev, next }: { year: number; href: (y: number) => string; label: string; title: string; sub?: string; prev: string; next: string }) {
  return (
    <nav class="year-nav" aria-label={label}>
      <a class="btn" href={href(year - 1)} aria-label={prev}>‹</a>
      <strong>
        {title}
        {sub && <small class="year-span">{sub}</small>}
      </strong>
      <a class="btn" href={href(year + 1)} aria-label={next}>›</a>
    </nav>
  );
}

/** A row of toggle chips; one is on. */
export function FilterChips<K extends string>({ value, options, onChange, label }: { value: K; options: { key: K; label: string }[]; onChange: (k: K) => void; label: string }) {
  return (
    <div class="fchips" role="group" aria-label={label}>
      {options.map((o) => (
        <button key={o.key} type="button" class="fchip" aria-pressed={value === o.key} onClick={() => onChange(o.key)}>
          {o.label}
        </button>
      ))}
    </div>
  );
}

/** "Đạt" / "Chưa đạt" line of a target, with a bar. rate undefined → "—". */
export function TargetLine({ text, goal, rate, met, metLabel, unmetLabel }: { text: string; goal: string; rate?: number; met: boolean; metLabel: string; unmetLabel: string }) {
  return (
    <div class="target">
      <div class="what">
        {text}
        <span class="goal">{goal}</span>
        <div class="bar" aria-hidden="true"><i style={{ width: `${Math.min(100, Math.round((rate ?? 0) * 100))}%` }} /></div>
      </div>
      <span class={`state ${met ? 'met' : 'unmet'}`}>{met ? metLabel : unmetLabel}</span>
    </div>
  );
}
