// Moved to the shared files module (review photos use it too); kept so imports stay stable.
export { sniffImageType, type SniffedImageType } from '../../files/image-sniffing';
