// The foot of an administrative document (doc-paper.css): "Nơi nhận" on the left, the
// signature block ("TM. BAN CHẤP HÀNH / BÍ THƯ" and the name) on the right. The year's plan and
// the report print it alike.
export interface DocSignsProps {
  recipients: readonly string[];
  signature: { role: readonly string[]; name?: string };
}

export function DocSigns({ recipients, signature }: DocSignsProps) {
  return (
    <div class="doc-signs">
      <div class="doc-recipients">
        <div class="doc-b doc-i">Nơi nhận:</div>
        {recipients.map((r) => (
          <div key={r}>- {r}</div>
        ))}
      </div>
      <div class="doc-sign">
        {signature.role.map((r) => (
          <div key={r} class="doc-b">
            {r}
          </div>
        ))}
        <div class="doc-b doc-sign-name">{signature.name || '\u00a0'}</div>
      </div>
    </div>
  );
}
