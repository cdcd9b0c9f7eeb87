// Moved to the shared files module (review photos use it too); kept so imports stay stable.
export { MediaRefusal } from '../../files/upload-refusal';
