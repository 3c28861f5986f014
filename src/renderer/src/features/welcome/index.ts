/** What other features use of the welcome feature: the first-run screen and the workspace (main / sample) state. */
export { WelcomeScreen } from './welcome-screen';
export { phaseKey, useOpenSample, useSampleActions, useWorkspaceStatus } from './use-workspace';
