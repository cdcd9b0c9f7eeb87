export { Badge, type BadgeProps, type BadgeTone } from './badge';
export {
  Button,
  buttonClassNames,
  type ButtonProps,
  type ButtonSize,
  type ButtonVariant,
} from './button';
export { Card, CardBody, CardHeader, type CardHeaderProps } from './card';
export { classNames } from './class-names';
export { EmptyState, Skeleton, Spinner, type EmptyStateProps } from './feedback';
export { Input, TextField, type InputProps, type TextFieldProps } from './field';
export { formatMoney } from './format-money';
export {
  Container,
  Logo,
  PageHeader,
  SectionHeading,
  SkipLink,
  type PageHeaderProps,
  type SectionHeadingProps,
} from './layout';
export { Notice, type NoticeProps, type NoticeTone } from './notice';
export { Price, type PriceProps } from './price';
export { ProductCard, type ProductCardProduct, type ProductCardProps } from './product-card';
export { productArtDataUrl, productArtSvg } from './product-art';
export { ProductImage, type ProductImageProps } from './product-image';
