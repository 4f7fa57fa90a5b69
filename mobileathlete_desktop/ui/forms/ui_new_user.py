# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'new_user.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialogButtonBox,
    QFormLayout, QLabel, QLineEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_NewUserForm(object):
    def setupUi(self, NewUserForm):
        if not NewUserForm.objectName():
            NewUserForm.setObjectName(u"NewUserForm")
        self.main_layout = QVBoxLayout(NewUserForm)
        self.main_layout.setObjectName(u"main_layout")
        self.main_layout.setContentsMargins(3, 3, 3, 3)
        self.fields = QFormLayout()
        self.fields.setObjectName(u"fields")
        self.username_label = QLabel(NewUserForm)
        self.username_label.setObjectName(u"username_label")

        self.fields.setWidget(0, QFormLayout.ItemRole.LabelRole, self.username_label)

        self.username = QLineEdit(NewUserForm)
        self.username.setObjectName(u"username")

        self.fields.setWidget(0, QFormLayout.ItemRole.FieldRole, self.username)

        self.display_name_label = QLabel(NewUserForm)
        self.display_name_label.setObjectName(u"display_name_label")

        self.fields.setWidget(1, QFormLayout.ItemRole.LabelRole, self.display_name_label)

        self.display_name = QLineEdit(NewUserForm)
        self.display_name.setObjectName(u"display_name")

        self.fields.setWidget(1, QFormLayout.ItemRole.FieldRole, self.display_name)

        self.role_label = QLabel(NewUserForm)
        self.role_label.setObjectName(u"role_label")

        self.fields.setWidget(2, QFormLayout.ItemRole.LabelRole, self.role_label)

        self.role = QComboBox(NewUserForm)
        self.role.addItem("")
        self.role.addItem("")
        self.role.setObjectName(u"role")

        self.fields.setWidget(2, QFormLayout.ItemRole.FieldRole, self.role)

        self.password_label = QLabel(NewUserForm)
        self.password_label.setObjectName(u"password_label")

        self.fields.setWidget(3, QFormLayout.ItemRole.LabelRole, self.password_label)

        self.password = QLineEdit(NewUserForm)
        self.password.setObjectName(u"password")
        self.password.setEchoMode(QLineEdit.Password)

        self.fields.setWidget(3, QFormLayout.ItemRole.FieldRole, self.password)

        self.repeat_label = QLabel(NewUserForm)
        self.repeat_label.setObjectName(u"repeat_label")

        self.fields.setWidget(4, QFormLayout.ItemRole.LabelRole, self.repeat_label)

        self.repeat = QLineEdit(NewUserForm)
        self.repeat.setObjectName(u"repeat")
        self.repeat.setEchoMode(QLineEdit.Password)

        self.fields.setWidget(4, QFormLayout.ItemRole.FieldRole, self.repeat)


        self.main_layout.addLayout(self.fields)

        self.hint = QLabel(NewUserForm)
        self.hint.setObjectName(u"hint")
        self.hint.setWordWrap(True)

        self.main_layout.addWidget(self.hint)

        self.message = QLabel(NewUserForm)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)

        self.main_layout.addWidget(self.message)

        self.buttons = QDialogButtonBox(NewUserForm)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.main_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.username_label.setBuddy(self.username)
        self.display_name_label.setBuddy(self.display_name)
        self.role_label.setBuddy(self.role)
        self.password_label.setBuddy(self.password)
        self.repeat_label.setBuddy(self.repeat)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.username, self.display_name)
        QWidget.setTabOrder(self.display_name, self.role)
        QWidget.setTabOrder(self.role, self.password)
        QWidget.setTabOrder(self.password, self.repeat)

        self.retranslateUi(NewUserForm)

        QMetaObject.connectSlotsByName(NewUserForm)
    # setupUi

    def retranslateUi(self, NewUserForm):
        self.username_label.setText(QCoreApplication.translate("NewUserForm", u"&User name", None))
#if QT_CONFIG(accessibility)
        self.username.setAccessibleName(QCoreApplication.translate("NewUserForm", u"User name", None))
#endif // QT_CONFIG(accessibility)
        self.display_name_label.setText(QCoreApplication.translate("NewUserForm", u"Full &name", None))
#if QT_CONFIG(accessibility)
        self.display_name.setAccessibleName(QCoreApplication.translate("NewUserForm", u"Full name", None))
#endif // QT_CONFIG(accessibility)
        self.display_name.setPlaceholderText(QCoreApplication.translate("NewUserForm", u"as shown on screen and in print, e.g. Ana Ruiz, PT", None))
        self.role_label.setText(QCoreApplication.translate("NewUserForm", u"R&ole", None))
        self.role.setItemText(0, QCoreApplication.translate("NewUserForm", u"Therapist (records, signs, builds programs)", None))
        self.role.setItemText(1, QCoreApplication.translate("NewUserForm", u"Admin (users, backups, reports, audit trail)", None))

#if QT_CONFIG(accessibility)
        self.role.setAccessibleName(QCoreApplication.translate("NewUserForm", u"Role", None))
#endif // QT_CONFIG(accessibility)
        self.password_label.setText(QCoreApplication.translate("NewUserForm", u"&Temporary password", None))
#if QT_CONFIG(accessibility)
        self.password.setAccessibleName(QCoreApplication.translate("NewUserForm", u"Temporary password", None))
#endif // QT_CONFIG(accessibility)
        self.repeat_label.setText(QCoreApplication.translate("NewUserForm", u"Password a&gain", None))
#if QT_CONFIG(accessibility)
        self.repeat.setAccessibleName(QCoreApplication.translate("NewUserForm", u"Temporary password again", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.message.setAccessibleName(QCoreApplication.translate("NewUserForm", u"Message", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

