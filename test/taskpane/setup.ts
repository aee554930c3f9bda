/**
 * The pane's tests wait for what the pane shows (findBy…, waitFor). Testing Library gives up after 1 s by
 * default, which a pane reading a whole sheet on a loaded two-core CI machine has missed: a wait fails only
 * when what it waits for never comes, not when it comes late.
 */
import { configure } from "@testing-library/react";

configure({ asyncUtilTimeout: 10_000 });
