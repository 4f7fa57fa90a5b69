"""The main window's windows and dialogs opened from its menus and the admin's next steps
(users, backups, clinic details, help, about, the audit trail, assessment templates, reports,
import): each module loaded when first opened, not to show the window. Split from
main_window.py, behaviour unchanged."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from mobileathlete_desktop.services.context import ServiceContext

if TYPE_CHECKING:
    from mobileathlete_desktop.ui.client_page import ClientPage
    from mobileathlete_desktop.ui.next_steps_panel import NextStepsPanel


class MenuWindows(QMainWindow):
    """The windows the main window opens from its menus (MainWindow makes the rest)."""

    ctx: ServiceContext
    page: ClientPage
    next_steps: NextStepsPanel

    def refresh_clients(self) -> None:
        """Re-runs the search and fills the list (MainWindow's)."""
        raise NotImplementedError

    def show_users(self) -> None:
        """Opens Clinic ▸ Users (admins); the next steps follow what was done there."""
        from mobileathlete_desktop.ui.users_dialog import UsersDialog

        dialog = UsersDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: self.next_steps.refresh())
        self.users_dialog = dialog
        dialog.open()
        dialog.activateWindow()

    def show_backups(self) -> None:
        """Opens Clinic ▸ Backups (admins); after a restore the program closes to start again."""
        from mobileathlete_desktop.ui.backups_dialog import BackupsDialog

        dialog = BackupsDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: self.next_steps.refresh())
        dialog.restored.connect(lambda _path: self.close())
        self.backups_dialog = dialog
        dialog.open()
        dialog.activateWindow()

    def show_clinic_details(self) -> None:
        """Opens Clinic ▸ Clinic details (admins): the letterhead and paper of every document."""
        from mobileathlete_desktop.ui.clinic_details_dialog import ClinicDetailsDialog

        dialog = ClinicDetailsDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda name: self.setWindowTitle(f"Mobile Athlete — {name}"))
        self.clinic_details_dialog = dialog
        dialog.open()
        dialog.activateWindow()

    def show_help(self) -> None:
        """Opens the short in-app help."""
        from mobileathlete_desktop.ui.help_dialog import HelpDialog

        HelpDialog(self.ctx.db.location, self).exec()

    def show_about(self) -> None:
        """Opens the About dialog (version, database, licences)."""
        from mobileathlete_desktop.ui.about_dialog import AboutDialog

        AboutDialog(self.ctx.db.location, self).exec()

    def show_audit_trail(self) -> None:
        """Opens the audit trail window (admins)."""
        from mobileathlete_desktop.ui.audit_view import AuditView

        view = AuditView(self.ctx, self)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.show()

    def open_template_editor(self) -> None:
        """Opens Clinic ▸ Assessment templates (clinic templates made and changed there)."""
        from mobileathlete_desktop.ui.template_editor import TemplateEditor

        dialog = TemplateEditor(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.template_editor = dialog
        dialog.open()

    def open_reports(self, *, client: bool = False) -> None:
        """The Reports view (Ctrl+R); from a client's page with that client ticked."""
        from mobileathlete_desktop.ui.reports_view import ReportsView

        ids = [self.page.client_id] if client and self.page.client_id is not None else []
        view = ReportsView(self.ctx, self, client_ids=ids)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.reports_view = view
        view.show()
        view.activateWindow()

    def open_import(self) -> None:
        """Opens the Import dialog; the client list refreshes after an import."""
        from mobileathlete_desktop.ui.import_dialog import ImportDialog

        dialog = ImportDialog(self.ctx, self)
        dialog.imported.connect(lambda _report: self.refresh_clients())
        dialog.imported.connect(lambda _report: self.next_steps.refresh())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.import_dialog = dialog
