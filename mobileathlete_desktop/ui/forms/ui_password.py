# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'password.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialogButtonBox, QFormLayout,
    QLabel, QLineEdit, QSizePolicy, QVBoxLayout,
    QWidget)

class Ui_PasswordForm(object):
    def setupUi(self, PasswordForm):
        if not PasswordForm.objectName():
            PasswordForm.setObjectName(u"PasswordForm")
        self.main_layout = QVBoxLayout(PasswordForm)
        self.main_layout.setObjectName(u"main_layout")
        self.main_layout.setContentsMargins(3, 3, 3, 3)
        self.intro = QLabel(PasswordForm)
        self.intro.setObjectName(u"intro")
        self.intro.setTextFormat(Qt.RichText)
        self.intro.setWordWrap(True)

        self.main_layout.addWidget(self.intro)

        self.fields = QFormLayout()
        self.fields.setObjectName(u"fields")
        self.current_label = QLabel(PasswordForm)
        self.current_label.setObjectName(u"current_label")

        self.fields.setWidget(0, QFormLayout.ItemRole.LabelRole, self.current_label)

        self.current = QLineEdit(PasswordForm)
        self.current.setObjectName(u"current")
        self.current.setEchoMode(QLineEdit.Password)

        self.fields.setWidget(0, QFormLayout.ItemRole.FieldRole, self.current)

        self.password_label = QLabel(PasswordForm)
        self.password_label.setObjectName(u"password_label")

        self.fields.setWidget(1, QFormLayout.ItemRole.LabelRole, self.password_label)

        self.password = QLineEdit(PasswordForm)
        self.password.setObjectName(u"password")
        self.password.setEchoMode(QLineEdit.Password)

        self.fields.setWidget(1, QFormLayout.ItemRole.FieldRole, self.password)

        self.repeat_label = QLabel(PasswordForm)
        self.repeat_label.setObjectName(u"repeat_label")

        self.fields.setWidget(2, QFormLayout.ItemRole.LabelRole, self.repeat_label)

        self.repeat = QLineEdit(PasswordForm)
        self.repeat.setObjectName(u"repeat")
        self.repeat.setEchoMode(QLineEdit.Password)

        self.fields.setWidget(2, QFormLayout.ItemRole.FieldRole, self.repeat)


        self.main_layout.addLayout(self.fields)

        self.message = QLabel(PasswordForm)
        self.message.setObjectName(u"message")
        self.message.setWordWrap(True)

        self.main_layout.addWidget(self.message)

        self.buttons = QDialogButtonBox(PasswordForm)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.main_layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.current_label.setBuddy(self.current)
        self.password_label.setBuddy(self.password)
        self.repeat_label.setBuddy(self.repeat)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.current, self.password)
        QWidget.setTabOrder(self.password, self.repeat)

        self.retranslateUi(PasswordForm)

        QMetaObject.connectSlotsByName(PasswordForm)
    # setupUi

    def retranslateUi(self, PasswordForm):
        self.current_label.setText(QCoreApplication.translate("PasswordForm", u"&Current password", None))
#if QT_CONFIG(accessibility)
        self.current.setAccessibleName(QCoreApplication.translate("PasswordForm", u"Current password", None))
#endif // QT_CONFIG(accessibility)
        self.password_label.setText(QCoreApplication.translate("PasswordForm", u"&New password", None))
#if QT_CONFIG(accessibility)
        self.password.setAccessibleName(QCoreApplication.translate("PasswordForm", u"New password", None))
#endif // QT_CONFIG(accessibility)
        self.repeat_label.setText(QCoreApplication.translate("PasswordForm", u"Password a&gain", None))
#if QT_CONFIG(accessibility)
        self.repeat.setAccessibleName(QCoreApplication.translate("PasswordForm", u"New password again", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.message.setAccessibleName(QCoreApplication.translate("PasswordForm", u"Message", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

