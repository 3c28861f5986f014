/**
 * Inquiry statuses, as Alibaba.com's exports write them (Chinese or English), that say an inquiry
 * needs no reply any more: replied to, under negotiation, closed or spam. Compared trimmed and in
 * lower case. An inquiry with any other status (未读 / unread, or none) awaits a reply unless its
 * export gives a reply time.
 */
export const ANSWERED_INQUIRY_STATUSES = [
  '已回复',
  '已答复',
  '洽谈中',
  '已关闭',
  '垃圾询盘',
  '已处理',
  'replied',
  'answered',
  'negotiating',
  'in negotiation',
  'closed',
  'spam',
  'junk',
] as const;

const ANSWERED = new Set<string>(ANSWERED_INQUIRY_STATUSES);

/** Whether an inquiry still waits for the seller's reply. */
export function inquiryAwaitsReply(status: string, repliedAt: string | null): boolean {
  return repliedAt === null && !ANSWERED.has(status.trim().toLowerCase());
}
