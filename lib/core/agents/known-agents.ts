// The agents the plugin ships (agents/*.md): the only names the engine can launch, since Claude
// Code knows a plugin agent by its file. test/core/known-agents.test.ts keeps this list equal to
// the folder. Reviewers are the ones named "*-reviewer" (launch-prompt.ts isReviewerName).
export const DEVELOPER_AGENTS = ["frontend-design", "general-developer", "golang-developer", "nextjs-developer", "python-developer", "react-developer"] as const;
export const REVIEWER_AGENTS = ["code-reviewer", "security-reviewer"] as const;
