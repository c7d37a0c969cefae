// Photos as evidence, for the records that hold them (activities, youth-project log
// entries): PhotoField to add and remove, PhotoStrip to show, and the repo to keep them.
export { PhotoField, MAX_PHOTOS, type PhotoFieldProps } from './PhotoField';
export { PhotoStrip, type PhotoStripProps } from './PhotoStrip';
export { addPhotoFromFile, savePhoto, downloadPhoto } from './photos-repo';
