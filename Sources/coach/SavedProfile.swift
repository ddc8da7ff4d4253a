import CoachDialogue
import CoachModel
import CoachStorage
import Foundation

/// The person's profile (equipment, and pain not yet better) for one run of coach: loaded once (a file that cannot be read
/// gives one warning and a fresh start), saved whenever it changes, and after a failed save
/// said once and not tried again.
struct SavedProfile {
    private let store: ProfileStore
    private var canSave = true
    /// The equipment saved by an earlier session, if any.
    let equipment: Set<EquipmentID>?
    /// Pain areas reported in an earlier session and not yet said to be better.
    let pain: [String]
    /// The level the person said is theirs.
    let level: Level?

    init(paths: AppPaths) {
        store = ProfileStore(directory: paths.profileDirectory)
        let saved = store.load()
        if let warning = saved.warning { Output.error(TerminalText.sanitized(warning, limit: 600)) }
        equipment = saved.equipment.map { Set($0.map { EquipmentID($0) }) }
        pain = saved.pain
        level = saved.level.flatMap(Level.init)
    }

    /// The conversation a session starts from: the saved equipment and pain (only the ids the
    /// knowledge has: the file may have been edited by hand).
    func state(_ knowledge: KnowledgeBase) -> ConversationState {
        let areas = Set(knowledge.safety.painAreas.map(\.id))
        // Ids the knowledge does not have (a hand-edited file, an escape sequence) are dropped:
        // everything printed from the profile is then a known id.
        let known = equipment?.filter { knowledge.equipment($0) != nil }
        return ConversationState(
            profileEquipment: known, painReported: pain.filter(areas.contains), profileLevel: level)
    }

    mutating func save(_ state: ConversationState) {
        guard canSave else { return }
        do {
            try store.save(
                equipment: state.profileEquipment.map { Set($0.map(\.rawValue)) }, pain: state.painReported,
                level: state.profileLevel?.rawValue)
        } catch {
            canSave = false
            Output.error(
                "coach: could not save your profile at \(store.url.path) (\(FileProblem.describe(error, at: store.url))); it is kept for this session only"
            )
        }
    }
}
