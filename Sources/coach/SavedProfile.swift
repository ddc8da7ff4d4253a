import CoachModel
import CoachStorage
import Foundation

/// The person's equipment profile for one run of coach: loaded once (a file that cannot be read
/// gives one warning and a fresh start), saved whenever it changes, and after a failed save
/// said once and not tried again.
struct SavedProfile {
    private let store: ProfileStore
    private var canSave = true
    /// The equipment saved by an earlier session, if any.
    let equipment: Set<EquipmentID>?

    init(paths: AppPaths) {
        store = ProfileStore(directory: paths.profileDirectory)
        let saved = store.load()
        if let warning = saved.warning { Output.error(warning) }
        equipment = saved.equipment.map { Set($0.map { EquipmentID($0) }) }
    }

    mutating func save(_ equipment: Set<EquipmentID>) {
        guard canSave else { return }
        do { try store.save(equipment: Set(equipment.map(\.rawValue))) } catch {
            canSave = false
            Output.error(
                "coach: could not save your equipment profile at \(store.url.path) (\(error.localizedDescription)); it is kept for this session only"
            )
        }
    }
}
