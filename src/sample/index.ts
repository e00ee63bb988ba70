/** sample: the sample installation across parts, composed from each part's own sample data. */
export * from './sample-presence.js';
