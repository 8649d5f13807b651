import type { ResultOf } from '../../api/graphql';
import type { LaunchBoardQuery } from '../../api/operations';

/** The launch as the board query returns it. */
export type BoardLaunch = NonNullable<ResultOf<typeof LaunchBoardQuery>['launch']>;
