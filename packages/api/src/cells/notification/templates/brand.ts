/**
 * The storefront's design tokens (packages/ui/src/styles.css) as hex: email clients do not
 * understand oklch(), so the same colours are spelled out here.
 */
export const brand = {
  name: 'Shop',
  canvas: '#f8f7f4',
  surface: '#ffffff',
  line: '#e0deda',
  ink: '#1b1f27',
  inkMuted: '#565b63',
  inkSubtle: '#686c73',
  accent: '#007472', // accent-600
  accentSoft: '#e7faf8', // accent-50
  onAccent: '#ffffff',
  radiusCard: '14px',
  radiusControl: '10px',
  fontSans:
    "ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
} as const;
