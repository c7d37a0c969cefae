// The head and foot of an administrative document (doc-paper.css), as the year's plan and the
// report print them: cấp trên, the issuing committee, "***" and "Số: …" on the left, the
// organisation and "…, ngày … tháng … năm …" on the right; at the foot "Nơi nhận" on the left
// and the signature block ("TM. BAN CHẤP HÀNH / BÍ THƯ" and the name) on the right.
export interface DocHeaderProps {
  issuer: { parent: string; unit: string; number: string };
  organisation: string;
  placeDate: string;
}

export function DocHeader({ issuer, organisation, placeDate }: DocHeaderProps) {
  return (
    <header class="doc-head">
      <div class="doc-issuer">
        <div>{issuer.parent}</div>
        <div class="doc-b">{issuer.unit}</div>
        <div>***</div>
        <div class="doc-small">{issuer.number}</div>
      </div>
      <div class="doc-org">
        <div class="doc-b doc-u">{organisation}</div>
        <div class="doc-i doc-place">{placeDate}</div>
      </div>
    </header>
  );
}

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
