import { openFlag } from '../../lib/open-flag';

/** Whether the quick-capture dialog is open (mounted once by the app shell). */
const flag = openFlag();
export const openQuickCapture = flag.open;
export const closeQuickCapture = flag.close;
export const useQuickCaptureOpen = flag.useIsOpen;
