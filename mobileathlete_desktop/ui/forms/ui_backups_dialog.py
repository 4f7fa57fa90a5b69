# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'backups_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialogButtonBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QProgressBar, QPushButton, QSizePolicy, QSpacerItem,
    QTableView, QVBoxLayout, QWidget)

class Ui_BackupsForm(object):
    def setupUi(self, BackupsForm):
        if not BackupsForm.objectName():
            BackupsForm.setObjectName(u"BackupsForm")
        self.main_layout = QVBoxLayout(BackupsForm)
        self.main_layout.setObjectName(u"main_layout")
        self.main_layout.setContentsMargins(3, 3, 3, 3)
        self.intro = QLabel(BackupsForm)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.main_layout.addWidget(self.intro)

        self.folder_row = QHBoxLayout()
        self.folder_row.setObjectName(u"folder_row")
        self.folder_label = QLabel(BackupsForm)
        self.folder_label.setObjectName(u"folder_label")

        self.folder_row.addWidget(self.folder_label)

        self.folder = QLineEdit(BackupsForm)
        self.folder.setObjectName(u"folder")

        self.folder_row.addWidget(self.folder)

        self.browse_button = QPushButton(BackupsForm)
        self.browse_button.setObjectName(u"browse_button")
        self.browse_button.setAutoDefault(False)

        self.folder_row.addWidget(self.browse_button)

        self.use_button = QPushButton(BackupsForm)
        self.use_button.setObjectName(u"use_button")
        self.use_button.setAutoDefault(False)

        self.folder_row.addWidget(self.use_button)

        self.folder_row.setStretch(1, 1)

        self.main_layout.addLayout(self.folder_row)

        self.now_row = QHBoxLayout()
        self.now_row.setObjectName(u"now_row")
        self.backup_button = QPushButton(BackupsForm)
        self.backup_button.setObjectName(u"backup_button")
        self.backup_button.setAutoDefault(False)

        self.now_row.addWidget(self.backup_button)

        self.progress = QProgressBar(BackupsForm)
        self.progress.setObjectName(u"progress")
        self.progress.setVisible(False)

        self.now_row.addWidget(self.progress)

        self.stop_button = QPushButton(BackupsForm)
        self.stop_button.setObjectName(u"stop_button")
        self.stop_button.setVisible(False)
        self.stop_button.setAutoDefault(False)

        self.now_row.addWidget(self.stop_button)

        self.now_stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.now_row.addItem(self.now_stretch)

        self.now_row.setStretch(1, 1)

        self.main_layout.addLayout(self.now_row)

        self.list_label = QLabel(BackupsForm)
        self.list_label.setObjectName(u"list_label")

        self.main_layout.addWidget(self.list_label)

        self.table = QTableView(BackupsForm)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.verticalHeader().setVisible(False)

        self.main_layout.addWidget(self.table)

        self.restore_row = QHBoxLayout()
        self.restore_row.setObjectName(u"restore_row")
        self.restore_button = QPushButton(BackupsForm)
        self.restore_button.setObjectName(u"restore_button")
        self.restore_button.setAutoDefault(False)

        self.restore_row.addWidget(self.restore_button)

        self.restore_file_button = QPushButton(BackupsForm)
        self.restore_file_button.setObjectName(u"restore_file_button")
        self.restore_file_button.setAutoDefault(False)

        self.restore_row.addWidget(self.restore_file_button)

        self.restore_stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.restore_row.addItem(self.restore_stretch)

        self.restore_row.setStretch(2, 1)

        self.main_layout.addLayout(self.restore_row)

        self.message = QLabel(BackupsForm)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.main_layout.addWidget(self.message)

        self.close_box = QDialogButtonBox(BackupsForm)
        self.close_box.setObjectName(u"close_box")
        self.close_box.setStandardButtons(QDialogButtonBox.Close)

        self.main_layout.addWidget(self.close_box)

        self.main_layout.setStretch(4, 1)
#if QT_CONFIG(shortcut)
        self.folder_label.setBuddy(self.folder)
        self.list_label.setBuddy(self.table)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.folder, self.browse_button)
        QWidget.setTabOrder(self.browse_button, self.use_button)
        QWidget.setTabOrder(self.use_button, self.backup_button)
        QWidget.setTabOrder(self.backup_button, self.stop_button)
        QWidget.setTabOrder(self.stop_button, self.table)
        QWidget.setTabOrder(self.table, self.restore_button)
        QWidget.setTabOrder(self.restore_button, self.restore_file_button)

        self.retranslateUi(BackupsForm)

        QMetaObject.connectSlotsByName(BackupsForm)
    # setupUi

    def retranslateUi(self, BackupsForm):
        self.intro.setText(QCoreApplication.translate("BackupsForm", u"Mobile Athlete backs the clinic up by itself once a day (14 daily and 8 weekly copies kept) and before an update. Another disk is the safest folder.", None))
        self.folder_label.setText(QCoreApplication.translate("BackupsForm", u"&Folder", None))
#if QT_CONFIG(accessibility)
        self.folder.setAccessibleName(QCoreApplication.translate("BackupsForm", u"Backup folder", None))
#endif // QT_CONFIG(accessibility)
        self.browse_button.setText(QCoreApplication.translate("BackupsForm", u"Bro&wse\u2026", None))
        self.use_button.setText(QCoreApplication.translate("BackupsForm", u"&Use this folder", None))
        self.backup_button.setText(QCoreApplication.translate("BackupsForm", u"Back up &now", None))
#if QT_CONFIG(accessibility)
        self.progress.setAccessibleName(QCoreApplication.translate("BackupsForm", u"Progress", None))
#endif // QT_CONFIG(accessibility)
        self.stop_button.setText(QCoreApplication.translate("BackupsForm", u"&Stop", None))
        self.list_label.setText(QCoreApplication.translate("BackupsForm", u"&Backups, newest first", None))
#if QT_CONFIG(accessibility)
        self.table.setAccessibleName(QCoreApplication.translate("BackupsForm", u"Backups on hand", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.restore_button.setToolTip(QCoreApplication.translate("BackupsForm", u"Put the chosen backup in place of the clinic's data", None))
#endif // QT_CONFIG(tooltip)
        self.restore_button.setText(QCoreApplication.translate("BackupsForm", u"&Restore\u2026", None))
        self.restore_file_button.setText(QCoreApplication.translate("BackupsForm", u"Restore from a f&ile\u2026", None))
#if QT_CONFIG(accessibility)
        self.message.setAccessibleName(QCoreApplication.translate("BackupsForm", u"Message", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

