/**
 * The grid's "Phone / WhatsApp" of a main contact, as one line: the export writes it so, and the
 * grid's cell shows the same parts. A WhatsApp number that is the phone number (the same digits)
 * is named once.
 */
export function phoneWhatsAppParts(c: { phone: string; whatsapp: string }): { phone: string; whatsapp: string; sameNumber: boolean } {
  const digits = (s: string) => s.replace(/\D/g, '');
  const sameNumber = c.phone !== '' && c.whatsapp !== '' && digits(c.phone) === digits(c.whatsapp);
  return { phone: c.phone, whatsapp: c.whatsapp, sameNumber };
}

/** "+49 30 1234567 · WhatsApp +49 170 7654321", "+49 170 7654321 (WhatsApp)", "WhatsApp +49 170 7654321", or the phone alone. */
export function phoneWhatsAppText(c: { phone: string; whatsapp: string }): string {
  const p = phoneWhatsAppParts(c);
  if (!p.whatsapp) return p.phone;
  if (!p.phone) return `WhatsApp ${p.whatsapp}`;
  return p.sameNumber ? `${p.phone} (WhatsApp)` : `${p.phone} · WhatsApp ${p.whatsapp}`;
}
