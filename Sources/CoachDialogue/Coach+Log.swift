import CoachModel
import CoachRecommending
import CoachUnderstanding
import Foundation

/// The training log outside a conversation: `coach log`, `coach progress`, and the lines said
/// after a guided workout.
extension Coach {
    /// The reply to a log request made as a command, answered from `log` at `now`.
    public func logReply(_ request: LogRequest, log: TrainingLog, now: Date) -> Reply {
        var state = ConversationState()
        state.log = log
        state.fixedNow = now
        var draft = ReplyDraft(teamMark: knowledge.replies(.teamMark))
        LogResponder(context: context).respond(to: request, state: &state, into: &draft)
        return commandReply(draft, ask: request.ask)
    }

    /// What is said once a guided workout is logged: its number and sets, then the advice for
    /// next time from the whole log (which already holds `session`).
    /// In the chat it also says that how it felt, or the band used, can be added.
    public func afterGuidedSession(_ session: LoggedSession, log: TrainingLog, now: Date, inChat: Bool) -> Reply {
        let responder = LogResponder(context: context)
        var draft = ReplyDraft(teamMark: knowledge.replies(.teamMark))
        draft.add(
            .paragraph(
                knowledge.replies(
                    inChat ? .logGuided : .logGuidedShell,
                    [
                        "id": session.id.map { "\($0)" } ?? "?", "done": "\(session.doneSets.count)",
                        "total": "\(session.sets.count)",
                    ])))
        let advisor = ProgressAdvisor(knowledge: knowledge)
        let advice = session.exercises.compactMap { advisor.advice(for: $0, in: log) }
            .filter { $0.rule != .stayAtLoad }
        responder.addAdvice(Array(advice.prefix(4)), now: now, into: &draft)
        return commandReply(draft, ask: .logEntry)
    }

    private func commandReply(_ draft: ReplyDraft, ask: Ask) -> Reply {
        var draft = draft
        let sources = context.addSources(to: &draft)
        var reply = Reply(
            input: "", intent: .workout, ask: ask, confidence: 1, entities: .init(), blocks: draft.blocks)
        reply.sources = sources
        reply.logged = draft.logged
        return reply
    }
}
