export { Badge, type BadgeProps, type BadgeTone } from './badge';
export {
  Button,
  buttonClassNames,
  type ButtonProps,
  type ButtonSize,
  type ButtonVariant,
} from './button';
export { Breadcrumbs, type BreadcrumbItem, type BreadcrumbsProps } from './breadcrumbs';
export { Card, CardBody, CardHeader, type CardHeaderProps } from './card';
export { classNames } from './class-names';
export { EmptyState, Skeleton, Spinner, type EmptyStateProps } from './feedback';
export {
  Input,
  SelectField,
  TextField,
  type InputProps,
  type SelectFieldProps,
  type TextFieldProps,
} from './field';
export { FacetGroup, type FacetGroupProps, type FacetOption } from './facet-group';
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
export {
  OrderStatusBadge,
  orderStatusLabel,
  type OrderStatusBadgeProps,
  type OrderStatusName,
} from './order-status-badge';
export {
  formatOrderTime,
  OrderTimeline,
  type OrderTimelineEntry,
  type OrderTimelineProps,
} from './order-timeline';
export { Price, type PriceProps } from './price';
export { ProductCard, type ProductCardProduct, type ProductCardProps } from './product-card';
export { productArtDataUrl, productArtSvg, type ProductArtOptions } from './product-art';
export { ProductImage, type ProductImageProps } from './product-image';
export {
  isUploadedProductImage,
  productImageLoader,
  productImageSrcSet,
  uploadedImageWidths,
} from './product-image-loader';
export { RatingStars, type RatingStarsProps } from './rating-stars';
export {
  columnClassNames,
  Table,
  type TableBreakpoint,
  type TableColumn,
  type TableProps,
} from './table';
