// The arrays of fairlearn's user guide, "Common fairness metrics" (common_fairness_metrics.rst,
// https://fairlearn.org/main/user_guide/assessment/common_fairness_metrics.html).
export const FAIRLEARN_Y_TRUE = [0, 1, 1, 1, 1, 0, 1, 0, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1];
export const FAIRLEARN_Y_PRED = [0, 0, 1, 0, 1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 0, 1, 1, 0];
export const FAIRLEARN_SF = ['b', 'b', 'a', 'b', 'b', 'c', 'c', 'c', 'a', 'a', 'c', 'a', 'b', 'c', 'c', 'b', 'c', 'c'];
