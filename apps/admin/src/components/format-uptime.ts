/** "3d 4h", "2h 15m", "42s": the two largest units of a duration, for status cards. */
export function formatUptime(totalSeconds: number): string {
  const units: Array<[label: string, seconds: number]> = [
    ['d', 86_400],
    ['h', 3_600],
    ['m', 60],
    ['s', 1],
  ];
  let remaining = Math.max(0, Math.floor(totalSeconds));
  const parts: string[] = [];
  for (const [label, seconds] of units) {
    const amount = Math.floor(remaining / seconds);
    remaining -= amount * seconds;
    if (amount > 0 || (parts.length > 0 && parts.length < 2)) parts.push(`${amount}${label}`);
    if (parts.length === 2) break;
  }
  return parts.length > 0 ? parts.join(' ') : '0s';
}
