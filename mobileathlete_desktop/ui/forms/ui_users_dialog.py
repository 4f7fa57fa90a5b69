# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'users_dialog.ui'
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
    QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QTableView, QVBoxLayout,
    QWidget)

class Ui_UsersForm(object):
    def setupUi(self, UsersForm):
        if not UsersForm.objectName():
            UsersForm.setObjectName(u"UsersForm")
        self.main_layout = QVBoxLayout(UsersForm)
        self.main_layout.setObjectName(u"main_layout")
        self.main_layout.setContentsMargins(3, 3, 3, 3)
        self.table_label = QLabel(UsersForm)
        self.table_label.setObjectName(u"table_label")

        self.main_layout.addWidget(self.table_label)

        self.middle = QHBoxLayout()
        self.middle.setObjectName(u"middle")
        self.table = QTableView(UsersForm)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.verticalHeader().setVisible(False)

        self.middle.addWidget(self.table)

        self.side = QVBoxLayout()
        self.side.setObjectName(u"side")
        self.add_button = QPushButton(UsersForm)
        self.add_button.setObjectName(u"add_button")
        self.add_button.setAutoDefault(False)

        self.side.addWidget(self.add_button)

        self.active_button = QPushButton(UsersForm)
        self.active_button.setObjectName(u"active_button")
        self.active_button.setAutoDefault(False)

        self.side.addWidget(self.active_button)

        self.password_button = QPushButton(UsersForm)
        self.password_button.setObjectName(u"password_button")
        self.password_button.setAutoDefault(False)

        self.side.addWidget(self.password_button)

        self.unlock_button = QPushButton(UsersForm)
        self.unlock_button.setObjectName(u"unlock_button")
        self.unlock_button.setAutoDefault(False)

        self.side.addWidget(self.unlock_button)

        self.side_stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.side.addItem(self.side_stretch)


        self.middle.addLayout(self.side)

        self.middle.setStretch(0, 1)

        self.main_layout.addLayout(self.middle)

        self.message = QLabel(UsersForm)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.main_layout.addWidget(self.message)

        self.close_box = QDialogButtonBox(UsersForm)
        self.close_box.setObjectName(u"close_box")
        self.close_box.setStandardButtons(QDialogButtonBox.Close)

        self.main_layout.addWidget(self.close_box)

        self.main_layout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.table_label.setBuddy(self.table)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.table, self.add_button)
        QWidget.setTabOrder(self.add_button, self.active_button)
        QWidget.setTabOrder(self.active_button, self.password_button)
        QWidget.setTabOrder(self.password_button, self.unlock_button)

        self.retranslateUi(UsersForm)

        QMetaObject.connectSlotsByName(UsersForm)
    # setupUi

    def retranslateUi(self, UsersForm):
        self.table_label.setText(QCoreApplication.translate("UsersForm", u"&Users (\u2191 \u2193 to choose)", None))
#if QT_CONFIG(accessibility)
        self.table.setAccessibleName(QCoreApplication.translate("UsersForm", u"Users", None))
#endif // QT_CONFIG(accessibility)
        self.add_button.setText(QCoreApplication.translate("UsersForm", u"&Add user\u2026", None))
        self.active_button.setText(QCoreApplication.translate("UsersForm", u"&Deactivate", None))
        self.password_button.setText(QCoreApplication.translate("UsersForm", u"&Reset password\u2026", None))
        self.unlock_button.setText(QCoreApplication.translate("UsersForm", u"U&nlock", None))
#if QT_CONFIG(accessibility)
        self.message.setAccessibleName(QCoreApplication.translate("UsersForm", u"Message", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

